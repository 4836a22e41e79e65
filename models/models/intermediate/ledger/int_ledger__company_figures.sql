{#-
  One row per month-end and company figure (the guarantee company's own books, 母公司).
  figure_code: net_assets, guarantor_equity_investments (stakes in other financing guarantee and
  re-guarantee companies), total_assets, compensation_receivable (应收代偿款), asset_class_1/2/3
  (资产比例管理办法, self-used property excluded), self_used_property, unearned_premium_reserve,
  compensation_reserve, general_risk_reserve, paid_in_capital, fee_income_ytd,
  operating_income_ytd, net_profit_ytd.
  lake: raw_finance (balance sheet closing, income statement year to date; the latest drop of a
  period), item codes as simulators/world/WORLD_SYSTEM.md lists them.
  csv: an external ledger's company_figures.csv.
-#}
{% if var('ledger_source') == 'csv' %}

with

source as (

    select *
    from {{ ledger_csv('company_figures.csv', {
        'month_end': 'date',
        'figure_code': 'varchar',
        'amount_yuan': 'decimal(18,2)',
    }) }}

)

select
    month_end,
    figure_code,
    cast(amount_yuan * 100 as bigint) as amount_fen
from source

{% else %}

    with

    balance_items as (

        select
            period,
            item_code,
            asset_class,
            closing_fen,
            drop_sequence,
            period || '|' || item_code as item_key,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_finance', 'balance_sheet_items') }}

    ),

    balance as (
        {{ latest_landing('balance_items', 'item_key', 'drop_sequence desc') }}
    ),

    income_items as (

        select
            period,
            item_code,
            year_to_date_fen,
            drop_sequence,
            period || '|' || item_code as item_key,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_finance', 'income_statement_items') }}

    ),

    income as (
        {{ latest_landing('income_items', 'item_key', 'drop_sequence desc') }}
    ),

    balance_figures as (

        select
            period,
            case item_code
                when 'QY' then 'net_assets'
                when '151101' then 'guarantor_equity_investments'
                when 'ZC' then 'total_assets'
                when '1231' then 'compensation_receivable'
                when '160101' then 'self_used_property'
                when '2711' then 'unearned_premium_reserve'
                when '2712' then 'compensation_reserve'
                when '4102' then 'general_risk_reserve'
                when '4001' then 'paid_in_capital'
            end as figure_code,
            closing_fen as amount_fen
        from balance

        union all

        select
            period,
            'asset_class_' || case asset_class when 'I' then '1' when 'II' then '2' else '3' end
                as figure_code,
            sum(closing_fen) as amount_fen
        from balance
        where asset_class in ('I', 'II', 'III')
        group by period, asset_class

    ),

    income_figures as (

        select
            period,
            'fee_income_ytd' as figure_code,
            sum(year_to_date_fen) as amount_fen
        from income
        where item_code = '6001'
        group by period

        union all

        select
            period,
            'operating_income_ytd' as figure_code,
            sum(year_to_date_fen) as amount_fen
        from income
        where item_code in ('6001', '6011', '6111')
        group by period

        union all

        select
            period,
            'net_profit_ytd' as figure_code,
            sum(year_to_date_fen) as amount_fen
        from income
        where item_code = 'JLR'
        group by period

    ),

    figures as (

        select * from balance_figures
        where figure_code is not null

        union all

        select * from income_figures

    )

    select
        last_day(cast(period || '-01' as date)) as month_end,
        figure_code,
        amount_fen
    from figures

{% endif %}
