{#-
  One row per month-end the regulatory numbers are computed for: var('regulatory_month_ends'), or
  every month-end of the company figures.
-#}
{%- set month_ends = var('regulatory_month_ends') %}
with

month_ends as (

    {%- if month_ends | length > 0 %}
    {%- for month_end in month_ends %}
    select cast('{{ month_end }}' as date) as month_end
    {{ "union all" if not loop.last }}
    {%- endfor %}
    {%- else %}
        select distinct month_end from {{ ref('int_ledger__company_figures') }}
    {%- endif %}

)

select
    month_end,
    cast(date_trunc('year', month_end) as date) as year_start,
    cast(date_trunc('month', month_end) as date) as month_start
from month_ends
