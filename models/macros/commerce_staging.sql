{#- Staging conventions of the commerce-data vendor (raw_commerce). -#}

{#-
  The current rows of a related list of raw_commerce `entity` (shareholders … enforcements,
  annual_reports). Every pull of an enterprise fetches all its related lists (its complete current
  state), so an enterprise's list is the one of the latest window that pulled the enterprise
  (raw_commerce.enterprises): a row gone from the vendor's list is gone here too. One row per
  `partition` (raw columns), the latest landing winning within the window. Landing columns renamed.
-#}
{% macro commerce_current_list(entity, partition) -%}
    with

    pulls as (

        select
            uscc,
            max(_window) as pulled_window
        from {{ source('raw_commerce', 'enterprises') }}
        group by uscc

    ),

    landed as (

        select
            *,
            {{ landing_columns() }}
        from {{ source('raw_commerce', entity) }}

    ),

    in_latest_pull as (

        select landed.* exclude (_window, _landing_id, _landed_at)
        from landed
        inner join pulls
            on
                landed.uscc = pulls.uscc
                and landed.landing_window = pulls.pulled_window

    )

    select * from in_latest_pull
    qualify row_number() over (partition by {{ partition }} order by landed_at desc) = 1
{%- endmacro %}
