{#- Reading the regulatory configuration inside a model (models/README.md "Regulatory numbers"). -#}

{#- The resolved value of one limit (national default or the province's override), as a scalar. -#}
{% macro reg_limit(code) -%}
    (select l.limit_value from {{ ref('int_regulatory__limits') }} as l where l.limit_code = '{{ code }}')
{%- endmacro %}

{#- Whether the [M] reading `code` is switched to `choice` (a boolean scalar). -#}
{% macro reg_option_is(code, choice) -%}
    (
        select o.choice = '{{ choice }}'
        from {{ ref('int_regulatory__options') }} as o
        where o.option_code = '{{ code }}'
    )
{%- endmacro %}

{#- An external ledger's CSV file (ledger_source = 'csv'): `file` in var('ledger_dir'), typed. -#}
{% macro ledger_csv(file, columns) -%}
    {%- if not var('ledger_dir') -%}
        {{ exceptions.raise_compiler_error("ledger_source 'csv' needs the var ledger_dir") }}
    {%- endif -%}
    read_csv(
        '{{ var("ledger_dir") }}/{{ file }}',
        header = true,
        columns = {
        {%- for name, type in columns.items() %}
            '{{ name }}': '{{ type }}'{{ "," if not loop.last }}
        {%- endfor %}
        }
    )
{%- endmacro %}

{#- The calendar date in Beijing of a landed UTC timestamp. -#}
{% macro beijing_date(column) -%}
    cast(timezone('Asia/Shanghai', cast({{ column }} as timestamptz)) as date)
{%- endmacro %}
