{#- The staging conventions every source shares. -#}

{#- The lake's landing columns of a raw row, renamed (each staging model keeps them). -#}
{% macro landing_columns() -%}
        _window as landing_window,
        _landing_id as landing_id,
        _landed_at as landed_at
{%- endmacro %}

{#-
  One row per `key` of `relation`: the row of the latest landing window that holds it (a window is
  replaced whole when it is landed again; the latest landing wins within a window). `tiebreak`
  orders rows of one landing (e.g. `drop_id desc`).
-#}
{% macro latest_landing(relation, key, tiebreak=none) -%}
    select * from {{ relation }}
    qualify row_number() over (
        partition by {{ key }}
        order by landing_window desc, landed_at desc{% if tiebreak %}, {{ tiebreak }}{% endif %}
    ) = 1
{%- endmacro %}
