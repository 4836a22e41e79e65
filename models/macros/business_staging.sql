{#- Staging conventions of the legacy business system (raw_business). -#}

{#-
  The current rows of raw_business `table` as landed: one row per `key` from the latest landing
  window that holds it (latest_landing), minus the keys the connector recorded as hard-deleted at
  the source (raw_business.deletions) in a window after the one that landed the row. A key landed
  again after its deletion is alive again. Landing columns renamed (landing_columns).
-#}
{% macro business_current_rows(table, key) -%}
    with

    landed as (

        select
            *,
            {{ landing_columns() }}
        from {{ source('raw_business', table) }}

    ),

    latest as (
        {{ latest_landing('landed', key) }}
    )

    select latest.* exclude (_window, _landing_id, _landed_at)
    from latest
    where not exists (
        select 1
        from {{ source('raw_business', 'deletions') }} as deleted
        where
            deleted.table_name = '{{ table }}'
            and deleted.record_key = cast(latest.{{ key }} as varchar)
            and deleted._window > latest.landing_window
    )
{%- endmacro %}

{#-
  The canonical code (ref_business_codes) of a legacy enum column of dictionary `dict_type`,
  whether the column stores the code or the Chinese label (older columns store the label);
  trimmed, full-width spaces included. Null when the value is null or not in the dictionary (the
  staging tests then fail: accepted_values / not_null on the code).
-#}
{% macro business_code(column, dict_type) -%}
    (
        select min(bc.code)
        from {{ ref('ref_business_codes') }} as bc
        where
            bc.dict_type = '{{ dict_type }}'
            and trim({{ column }}, ' 　') in (bc.code, bc.label)
    )
{%- endmacro %}

{#- The Chinese label (ref_business_codes) of the same column, from its code or its label. -#}
{% macro business_label(column, dict_type) -%}
    (
        select min(bc.label)
        from {{ ref('ref_business_codes') }} as bc
        where
            bc.dict_type = '{{ dict_type }}'
            and trim({{ column }}, ' 　') in (bc.code, bc.label)
    )
{%- endmacro %}

{#- A landed UTC timestamp as Beijing wall-clock time (Asia/Shanghai, no time zone). -#}
{% macro beijing_timestamp(column) -%}
    timezone('Asia/Shanghai', cast({{ column }} as timestamptz))
{%- endmacro %}
