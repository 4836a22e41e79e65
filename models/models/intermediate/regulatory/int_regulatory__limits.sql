{#- One row per limit: the national default, replaced by the company's province's override. -#}
with

national as (

    select * from {{ ref('reg_national_limits') }}

),

overrides as (

    select * from {{ ref('reg_province_overrides') }}
    where province_code = '{{ var("regulatory_province") }}'

)

select
    n.limit_code,
    coalesce(o.limit_value, n.limit_value) as limit_value,
    n.limit_value as national_value,
    o.limit_value is not null as is_province_override,
    n.unit,
    n.comparison,
    n.name_zh,
    n.name_en,
    coalesce(o.source, n.source) as source_document,
    n.confidence
from national as n
left join overrides as o on n.limit_code = o.limit_code
