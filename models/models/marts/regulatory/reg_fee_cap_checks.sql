{#-
  One row per financing guarantee: its annual fee rate against the cap of a government-backed
  guarantor (option government_backed) for 支小支农 clients (option fee_cap_scope: every small/micro
  and agricultural client, or policy products only) — 0.8% for agricultural guarantees and
  farmers [M], 1% when the guarantee amount is at most 500万, 1.5% above (国办发〔2019〕6号). The
  cap is null where none applies.
-#}
with

guarantees as (

    select * from {{ ref('int_ledger__guarantees') }}
    where product_type <> 'non_financing'

),

customers as (

    select * from {{ ref('int_regulatory__customers') }}

),

capped as (

    select
        g.guarantee_key,
        g.customer_key,
        g.start_date,
        g.guaranteed_amount_fen,
        g.annual_fee_rate,
        g.is_policy,
        g.is_agricultural or coalesce(c.is_farmer, false) as is_agricultural_client,
        coalesce(c.is_small or c.is_micro, false) as is_small_micro,
        case
            when not {{ reg_option_is('government_backed', 'yes') }} then null
            when {{ reg_option_is('fee_cap_scope', 'policy_products') }} and not g.is_policy
                then null
            when g.is_agricultural or c.is_farmer then {{ reg_limit('fee_cap_agricultural') }}
            when
                not coalesce(c.is_small or c.is_micro, false)
                and not {{ reg_option_is('fee_cap_scope', 'policy_products') }}
                then null
            when g.guaranteed_amount_fen <= {{ reg_limit('fee_cap_small_client_threshold_fen') }}
                then {{ reg_limit('fee_cap_small_client') }}
            else {{ reg_limit('fee_cap_large_client') }}
        end as fee_cap
    from guarantees as g
    left join customers as c on g.customer_key = c.customer_key

)

select
    guarantee_key,
    customer_key,
    start_date,
    guaranteed_amount_fen,
    annual_fee_rate,
    is_policy,
    is_agricultural_client,
    is_small_micro,
    fee_cap,
    coalesce(annual_fee_rate > fee_cap, false) as is_over_cap
from capped
