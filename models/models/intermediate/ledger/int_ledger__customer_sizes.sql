{#-
  One row per business-system customer with a USCC: its enterprise size (大/中/小/微) under
  工信部联企业〔2011〕300号, from its latest annual report (企业年报: people, revenue, total assets) and
  its GB/T 4754 industry, with the thresholds and industry groups of seeds/regulatory (generated
  from @sg/domain SME_SIZE_STANDARD, the same table classifySmeSize reads). Thresholds are
  inclusive; the longest matching code prefix picks the group; a missing indicator the group uses,
  or an industry the standard does not cover, leaves the size null. Read by the lake mode of
  int_ledger__customers.
-#}
with

customers as (

    select
        customer_id,
        upper(trim(uscc)) as uscc,
        regexp_replace(trim(industry_code), '^[A-Z]', '') as industry_code,
        _window as landing_window,
        _landed_at as landed_at
    from {{ source('raw_business', 't_customer') }}

),

latest_customers as (
    {{ latest_landing('customers', 'customer_id') }}
),

reports as (

    select
        uscc,
        report_year,
        employee_count,
        operating_revenue_fen,
        total_assets_fen,
        uscc || '|' || report_year as report_key,
        _window as landing_window,
        _landed_at as landed_at
    from {{ source('raw_commerce', 'annual_reports') }}

),

latest_reports as (
    {{ latest_landing('reports', 'report_key') }}
),

latest_report_per_uscc as (

    select *
    from latest_reports
    qualify row_number() over (partition by uscc order by report_year desc) = 1

),

industry_groups as (

    select
        c.customer_id,
        c.uscc,
        g.group_id
    from latest_customers as c
    inner join {{ ref('reg_sme_industry_groups') }} as g
        on starts_with(c.industry_code, g.code_prefix)
    where c.uscc is not null
    qualify row_number() over (
        partition by c.customer_id order by length(g.code_prefix) desc
    ) = 1

),

tiers as (

    select
        g.customer_id,
        t.tier,
        bool_or(
            case t.indicator
                when 'employees' then r.employee_count
                when 'revenue_wan' then r.operating_revenue_fen
                else r.total_assets_fen
            end is null
        ) as is_missing,
        bool_and(
            case t.indicator
                when 'employees' then r.employee_count >= t.min_value
                when 'revenue_wan' then r.operating_revenue_fen >= t.min_value * 1000000
                else r.total_assets_fen >= t.min_value * 1000000
            end
        ) as meets_all
    from industry_groups as g
    inner join {{ ref('reg_sme_size_thresholds') }} as t on g.group_id = t.group_id
    left join latest_report_per_uscc as r on g.uscc = r.uscc
    group by g.customer_id, t.tier

)

select
    customer_id as customer_key,
    case
        when bool_or(is_missing) then null
        when bool_or(tier = 'upper' and meets_all) then 'large'
        when bool_or(tier = 'medium' and meets_all) then 'medium'
        when bool_or(tier = 'small' and meets_all) then 'small'
        else 'micro'
    end as sme_size
from tiers
group by customer_id
