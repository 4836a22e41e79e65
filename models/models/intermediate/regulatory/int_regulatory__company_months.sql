{#-
  One row per month-end to compute: the company figures as columns (fen; null when the ledger has
  no such figure that month) and the net assets the leverage and concentration tests divide by
  (option leverage_net_assets: less stakes in other guarantors, or book).
-#}
{%- set figures = [
    'net_assets', 'guarantor_equity_investments', 'total_assets', 'compensation_receivable',
    'asset_class_1', 'asset_class_2', 'asset_class_3', 'self_used_property',
    'unearned_premium_reserve', 'compensation_reserve', 'general_risk_reserve', 'paid_in_capital',
    'fee_income_ytd', 'operating_income_ytd', 'net_profit_ytd',
] %}
with

month_ends as (

    select * from {{ ref('int_regulatory__month_ends') }}

),

figures as (

    select * from {{ ref('int_ledger__company_figures') }}

),

wide as (

    select
        m.month_end,
        m.year_start,
        m.month_start,
    {%- for figure in figures %}
        sum(case when f.figure_code = '{{ figure }}' then f.amount_fen end) as {{ figure }}_fen
        {{- "," if not loop.last }}
    {%- endfor %}
    from month_ends as m
    left join figures as f on m.month_end = f.month_end
    group by m.month_end, m.year_start, m.month_start

)

select
    *,
    net_assets_fen - coalesce(guarantor_equity_investments_fen, 0) as adjusted_net_assets_fen,
    case
        when {{ reg_option_is('leverage_net_assets', 'book_net_assets') }} then net_assets_fen
        else net_assets_fen - coalesce(guarantor_equity_investments_fen, 0)
    end as leverage_net_assets_fen
from wide
