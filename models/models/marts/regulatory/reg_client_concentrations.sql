{#-
  One row per month-end and client with a financing guarantee in force: its balances, its
  融资担保责任余额 and its concentration (option concentration_basis: weighted liability or the
  unweighted retained balance) over the net assets of the leverage test, against the 10% cap.
-#}
with

exposures as (

    select * from {{ ref('reg_guarantee_exposures') }}
    where is_financing

),

months as (

    select * from {{ ref('int_regulatory__company_months') }}

),

clients as (

    select
        month_end,
        customer_key,
        any_value(related_group_key) as related_group_key,
        any_value(customer_type) as customer_type,
        count(*) as guarantee_count,
        sum(outstanding_fen) as outstanding_fen,
        sum(counted_fen) as counted_fen,
        sum(weighted_fen) as weighted_fen
    from exposures
    group by month_end, customer_key

),

measured as (

    select
        c.*,
        m.leverage_net_assets_fen,
        case
            when {{ reg_option_is('concentration_basis', 'unweighted') }} then c.counted_fen
            else c.weighted_fen
        end / nullif(m.leverage_net_assets_fen, 0) as concentration
    from clients as c
    inner join months as m on c.month_end = m.month_end

)

select
    month_end,
    customer_key,
    related_group_key,
    customer_type,
    guarantee_count,
    outstanding_fen,
    counted_fen,
    weighted_fen,
    leverage_net_assets_fen,
    concentration,
    {{ reg_limit('single_client_concentration_limit') }} as concentration_limit,
    coalesce(
        concentration > {{ reg_limit('single_client_concentration_limit') }}, false
    ) as is_over_limit
from measured
