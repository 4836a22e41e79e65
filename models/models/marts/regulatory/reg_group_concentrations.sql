{#-
  One row per month-end and related-party group (a client and its 关联方; a client without related
  parties is its own group): the group's balances and concentration against the 15% cap.
-#}
with

clients as (

    select * from {{ ref('reg_client_concentrations') }}

),

groups as (

    select
        month_end,
        related_group_key,
        count(*) as client_count,
        sum(outstanding_fen) as outstanding_fen,
        sum(counted_fen) as counted_fen,
        sum(weighted_fen) as weighted_fen,
        any_value(leverage_net_assets_fen) as leverage_net_assets_fen
    from clients
    group by month_end, related_group_key

),

measured as (

    select
        *,
        case
            when {{ reg_option_is('concentration_basis', 'unweighted') }} then counted_fen
            else weighted_fen
        end / nullif(leverage_net_assets_fen, 0) as concentration
    from groups

)

select
    month_end,
    related_group_key,
    client_count,
    outstanding_fen,
    counted_fen,
    weighted_fen,
    leverage_net_assets_fen,
    concentration,
    {{ reg_limit('group_concentration_limit') }} as concentration_limit,
    coalesce(concentration > {{ reg_limit('group_concentration_limit') }}, false) as is_over_limit
from measured
