{#-
  One row per month-end: the company's regulatory indicators (domain.md §2, §6.2) — balances,
  融资担保责任余额, 放大倍数 weighted and unweighted with and without the equity-stake deduction
  against the cap, the largest client and group concentrations, compensation rates, reserve
  coverage, asset ratios (Ⅰ/Ⅱ/Ⅲ), fee-cap breaches and policy shares, each checked against its
  limit (is_* flags; reserves against 50% of the year's fees and 1% of the liability). Ratios are
  fractions.
-#}
with

months as (

    select * from {{ ref('int_regulatory__company_months') }}

),

exposures as (

    select * from {{ ref('reg_guarantee_exposures') }}

),

clients as (

    select * from {{ ref('reg_client_concentrations') }}

),

groups as (

    select * from {{ ref('reg_group_concentrations') }}

),

flows as (

    select * from {{ ref('reg_compensation_flows') }}

),

policy as (

    select * from {{ ref('reg_policy_shares') }}

),

fee_checks as (

    select * from {{ ref('reg_fee_cap_checks') }}

),

balances as (

    select
        month_end,
        coalesce(sum(outstanding_fen) filter (where is_financing), 0)
            as financing_outstanding_fen,
        coalesce(sum(outstanding_fen) filter (where not is_financing), 0)
            as non_financing_outstanding_fen,
        coalesce(sum(counted_fen) filter (where is_financing), 0) as counted_outstanding_fen,
        coalesce(sum(weighted_fen), 0) as liability_fen,
        count(*) filter (where is_financing) as financing_guarantee_count,
        count(distinct customer_key) filter (where is_financing) as financing_client_count
    from exposures
    group by month_end

),

concentration as (

    select
        month_end,
        max(concentration) as max_client_concentration,
        count(*) filter (where is_over_limit) as clients_over_limit
    from clients
    group by month_end

),

group_concentration as (

    select
        month_end,
        max(concentration) as max_group_concentration,
        count(*) filter (where is_over_limit) as groups_over_limit
    from groups
    group by month_end

),

fee_breaches as (

    select
        m.month_end,
        count(f.guarantee_key) filter (where f.is_over_cap) as fee_cap_breaches_ytd
    from months as m
    left join fee_checks as f on f.start_date between m.year_start and m.month_end
    group by m.month_end

),

joined as (

    select
        m.*,
        coalesce(b.financing_outstanding_fen, 0) as financing_outstanding_fen,
        coalesce(b.non_financing_outstanding_fen, 0) as non_financing_outstanding_fen,
        coalesce(b.counted_outstanding_fen, 0) as counted_outstanding_fen,
        coalesce(b.liability_fen, 0) as liability_fen,
        coalesce(b.financing_guarantee_count, 0) as financing_guarantee_count,
        coalesce(b.financing_client_count, 0) as financing_client_count,
        c.max_client_concentration,
        coalesce(c.clients_over_limit, 0) as clients_over_limit,
        g.max_group_concentration,
        coalesce(g.groups_over_limit, 0) as groups_over_limit,
        fe.fee_cap_breaches_ytd,
        case
            when {{ reg_option_is('leverage_limit_tier', 'small_micro_agri') }}
                then {{ reg_limit('leverage_limit_small_micro_agri') }}
            else {{ reg_limit('leverage_limit') }}
        end as leverage_limit
    from months as m
    left join balances as b on m.month_end = b.month_end
    left join concentration as c on m.month_end = c.month_end
    left join group_concentration as g on m.month_end = g.month_end
    left join fee_breaches as fe on m.month_end = fe.month_end

),

ratios as (

    select
        *,
        cast(liability_fen as double) / nullif(leverage_net_assets_fen, 0) as leverage,
        cast(liability_fen as double) / nullif(adjusted_net_assets_fen, 0)
            as leverage_weighted_adjusted,
        cast(liability_fen as double) / nullif(net_assets_fen, 0) as leverage_weighted_book,
        cast(financing_outstanding_fen as double) / nullif(adjusted_net_assets_fen, 0)
            as leverage_unweighted_adjusted,
        cast(financing_outstanding_fen as double) / nullif(net_assets_fen, 0)
            as leverage_unweighted_book,
        coalesce(unearned_premium_reserve_fen, 0)
        + coalesce(compensation_reserve_fen, 0)
        + coalesce(general_risk_reserve_fen, 0) as reserves_fen,
        least(
            coalesce(self_used_property_fen, 0),
            cast(
                round({{ reg_limit('self_used_property_class_2_max') }} * net_assets_fen) as bigint
            )
        ) as self_used_property_class_2_fen,
        total_assets_fen - coalesce(compensation_receivable_fen, 0) as asset_ratio_base_fen
    from joined

),

indicators as (

    select
        r.month_end,
        r.net_assets_fen,
        r.guarantor_equity_investments_fen,
        r.adjusted_net_assets_fen,
        r.leverage_net_assets_fen,
        r.total_assets_fen,
        r.financing_outstanding_fen,
        r.non_financing_outstanding_fen,
        r.counted_outstanding_fen,
        r.liability_fen,
        r.financing_guarantee_count,
        r.financing_client_count,
        r.leverage,
        r.leverage_weighted_adjusted,
        r.leverage_weighted_book,
        r.leverage_unweighted_adjusted,
        r.leverage_unweighted_book,
        r.leverage_limit,
        coalesce(r.leverage > r.leverage_limit, false) as is_leverage_over_limit,
        r.max_client_concentration,
        r.clients_over_limit,
        r.max_group_concentration,
        r.groups_over_limit,
        f.compensation_ytd_fen,
        f.compensation_cumulative_fen,
        f.recovery_cumulative_fen,
        f.write_off_ytd_fen,
        f.write_off_cumulative_fen,
        f.release_ytd_fen,
        f.release_cumulative_fen,
        f.compensation_balance_fen,
        f.compensation_rate_ytd,
        f.compensation_rate_cumulative,
        f.compensation_loss_rate,
        f.guarantee_loss_rate,
        f.recovery_rate,
        r.unearned_premium_reserve_fen,
        r.compensation_reserve_fen,
        r.general_risk_reserve_fen,
        r.reserves_fen,
        cast(r.reserves_fen as double) / nullif(r.liability_fen, 0) as reserve_coverage,
        cast(r.reserves_fen as double) / nullif(r.financing_outstanding_fen, 0) as reserve_adequacy,
        r.asset_class_1_fen,
        r.asset_class_2_fen + r.self_used_property_class_2_fen as asset_class_2_fen,
        r.asset_class_3_fen
        + coalesce(r.self_used_property_fen, 0)
        - r.self_used_property_class_2_fen
            as asset_class_3_fen,
        r.asset_ratio_base_fen,
        cast(r.asset_class_1_fen as double)
        / nullif(r.asset_ratio_base_fen, 0) as asset_class_1_ratio,
        cast(r.asset_class_1_fen + r.asset_class_2_fen + r.self_used_property_class_2_fen as double)
        / nullif(r.asset_ratio_base_fen, 0) as asset_class_1_2_ratio,
        cast(
            r.asset_class_3_fen + coalesce(r.self_used_property_fen, 0)
            - r.self_used_property_class_2_fen as double
        )
        / nullif(r.asset_ratio_base_fen, 0) as asset_class_3_ratio,
        cast(
            r.net_assets_fen
            + coalesce(r.unearned_premium_reserve_fen, 0)
            + coalesce(r.compensation_reserve_fen, 0) as double
        )
        / nullif(r.total_assets_fen, 0) as net_assets_reserves_ratio,
        r.fee_cap_breaches_ytd,
        p.new_financing_amount_fen,
        p.small_micro_agri_share,
        p.small_client_share,
        r.fee_income_ytd_fen,
        r.operating_income_ytd_fen,
        r.net_profit_ytd_fen,
        r.paid_in_capital_fen
    from ratios as r
    left join flows as f on r.month_end = f.month_end
    left join policy as p on r.month_end = p.month_end

)

select
    *,
    cast(
        round({{ reg_limit('unearned_premium_reserve_rate') }} * fee_income_ytd_fen) as bigint
    ) as unearned_premium_reserve_required_fen,
    cast(
        round({{ reg_limit('compensation_reserve_rate') }} * liability_fen) as bigint
    ) as compensation_reserve_required_fen,
    coalesce(
        unearned_premium_reserve_fen
        < round({{ reg_limit('unearned_premium_reserve_rate') }} * fee_income_ytd_fen),
        false
    ) as is_unearned_premium_reserve_short,
    coalesce(
        compensation_reserve_fen
        < round({{ reg_limit('compensation_reserve_rate') }} * liability_fen),
        false
    ) as is_compensation_reserve_short,
    coalesce(asset_class_1_ratio < {{ reg_limit('asset_class_1_min') }}, false)
        as is_asset_class_1_below_min,
    coalesce(asset_class_1_2_ratio < {{ reg_limit('asset_class_1_2_min') }}, false)
        as is_asset_class_1_2_below_min,
    coalesce(asset_class_3_ratio > {{ reg_limit('asset_class_3_max') }}, false)
        as is_asset_class_3_above_max,
    coalesce(net_assets_reserves_ratio < {{ reg_limit('net_assets_reserves_min') }}, false)
        as is_net_assets_reserves_below_min,
    {{ reg_option_is('government_backed', 'yes') }}
    and coalesce(
        small_micro_agri_share < {{ reg_limit('small_micro_agri_share_min') }}, false
    ) as is_small_micro_agri_share_below_min,
    {{ reg_option_is('government_backed', 'yes') }}
    and coalesce(small_client_share < {{ reg_limit('small_client_share_min') }}, false)
        as is_small_client_share_below_min
from indicators
