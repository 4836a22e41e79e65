{#-
  One row per [M] reading: the default choice, or the one set in var('regulatory_options')
  ({option_code: choice}); a choice that is neither the default nor the alternative fails a test.
-#}
{%- set chosen = var('regulatory_options') %}
with

options as (

    select * from {{ ref('reg_options') }}

),

chosen as (

    {%- for code, choice in chosen.items() %}
    select
        '{{ code }}' as option_code,
        '{{ choice }}' as choice
    {{ "union all" if not loop.last }}
    {%- else %}
        select
            cast(null as varchar) as option_code,
            cast(null as varchar) as choice
        where false
    {%- endfor %}

)

select
    o.option_code,
    coalesce(c.choice, o.default_choice) as choice,
    c.choice is not null as is_switched,
    o.default_choice,
    o.alternative_choice,
    o.description_zh,
    o.description_en,
    o.domain_ref
from options as o
left join chosen as c on o.option_code = c.option_code
