{#-
  One row per month-end and line of the regulator's monthly report "融资担保机构主要数据" (domain.md
  §6.1, lines numbered as there; the I-lines are the §6.2 indicators): the value in the report's
  unit (reported_value: 万元 to 2 decimals, 户, 笔, 倍 and % to 2 decimals), the exact value (fen, count or fraction),
  the value at the previous year-end (年初数, balance lines) and a year earlier (上年同期), when those
  month-ends were computed. Lines the ledger has no input for (注册资本金, 税金, 在职人数, 逾期未代偿)
  are left out rather than reported as zero.
-#}
{%- set lines = [
    ('03', 'total_assets', '资产总额', 'total assets', 'wan', true),
    ('04', 'net_assets', '净资产', 'net assets', 'wan', true),
    ('05', 'new_total', '本年累计发生担保金额', 'guarantees issued, year to date', 'wan', false),
    ('05.1', 'new_financing', '其中：融资担保', 'of which financing', 'wan', false),
    ('05.1.1', 'new_loan', '借款担保', 'loan guarantees', 'wan', false),
    ('05.1.2', 'new_bond', '发行债券担保', 'bond issue guarantees', 'wan', false),
    ('05.1.3', 'new_other_financing', '其他融资担保', 'other financing guarantees', 'wan', false),
    ('05.2', 'new_non_financing', '非融资担保', 'non-financing guarantees', 'wan', false),
    ('05.3', 'new_agri', '按客户：涉农', 'by client: agriculture-related', 'wan', false),
    ('05.4', 'new_small', '按客户：小型企业', 'by client: small enterprises', 'wan', false),
    ('05.5', 'new_micro', '按客户：微型企业', 'by client: micro enterprises', 'wan', false),
    ('05.6', 'new_person', '按客户：个人', 'by client: individuals', 'wan', false),
    ('06', 'new_clients', '本年累计发生担保户数', 'clients guaranteed, year to date', 'clients', false),
    ('06.1', 'new_financing_clients', '其中：融资担保', 'of which financing', 'clients', false),
    ('07', 'outstanding_total', '在保余额', 'outstanding guarantees', 'wan', true),
    ('07.1', 'outstanding_financing', '其中：融资担保', 'of which financing', 'wan', true),
    ('07.1.1', 'outstanding_loan', '借款担保', 'loan guarantees', 'wan', true),
    ('07.1.2', 'outstanding_bond', '发行债券担保', 'bond issue guarantees', 'wan', true),
    ('07.1.3', 'outstanding_other_financing', '其他融资担保', 'other financing guarantees', 'wan', true),
    ('07.2', 'outstanding_non_financing', '非融资担保', 'non-financing guarantees', 'wan', true),
    ('07.3', 'outstanding_agri', '按客户：涉农', 'by client: agriculture-related', 'wan', true),
    ('07.4', 'outstanding_small', '按客户：小型企业', 'by client: small enterprises', 'wan', true),
    ('07.5', 'outstanding_micro', '按客户：微型企业', 'by client: micro enterprises', 'wan', true),
    ('07.6', 'outstanding_person', '按客户：个人', 'by client: individuals', 'wan', true),
    ('08', 'liability', '融资担保责任余额', 'financing guarantee liability (weighted)', 'wan', true),
    ('09', 'clients_in_force', '在保户数', 'clients with guarantees in force', 'clients', true),
    ('09.1', 'financing_clients_in_force', '其中：融资担保', 'of which financing', 'clients', true),
    ('10', 'operating_income_ytd', '本年累计营业收入', 'operating income, year to date', 'wan', false),
    ('10.1', 'fee_income_ytd', '其中：担保费收入', 'of which guarantee fees', 'wan', false),
    ('11', 'net_profit_ytd', '本年累计净利润', 'net profit, year to date', 'wan', false),
    ('13', 'release_ytd', '本年累计解除担保金额', 'guarantees released, year to date', 'wan', false),
    ('14', 'release_cumulative', '累计解除担保金额', 'guarantees released, since founding', 'wan', false),
    ('15', 'compensation_ytd', '本年累计代偿金额', 'compensation paid, year to date', 'wan', false),
    ('16', 'compensation_cumulative', '累计代偿金额', 'compensation paid, since founding', 'wan', false),
    ('17', 'write_off_ytd', '本年累计损失金额', 'losses written off, year to date', 'wan', false),
    ('18', 'write_off_cumulative', '累计损失金额', 'losses written off, since founding', 'wan', false),
    ('19', 'compensation_balance', '代偿余额', 'compensation balance', 'wan', true),
    ('21.1', 'compensation_reserve', '担保赔偿准备金', 'compensation reserve', 'wan', true),
    ('21.2', 'unearned_premium_reserve', '未到期责任准备金', 'unearned premium reserve', 'wan', true),
    ('21.3', 'general_risk_reserve', '一般风险准备金', 'general risk reserve', 'wan', true),
    ('22.1', 'guarantor_equity_investments', '对外投资：股权投资（融资担保和再担保公司）', 'equity stakes in guarantors', 'wan', true),
    ('I01', 'leverage', '融资担保放大倍数', 'leverage (weighted liability / net assets)', 'multiple', true),
    ('I02', 'leverage_unweighted_book', '融资性担保放大倍数（未加权，银行口径）', 'leverage, unweighted, book net assets', 'multiple', true),
    ('I03', 'max_client_concentration', '单一客户集中度（最高）', 'largest single-client concentration', 'percent', true),
    ('I04', 'max_group_concentration', '单一集团客户集中度（最高）', 'largest related-group concentration', 'percent', true),
    ('I05', 'compensation_rate_ytd', '担保代偿率（本年）', 'compensation rate, year to date', 'percent', false),
    ('I06', 'compensation_loss_rate', '代偿损失率（累计）', 'compensation loss rate, cumulative', 'percent', false),
    ('I07', 'recovery_rate', '代偿回收率（累计）', 'compensation recovery rate, cumulative', 'percent', false),
    ('I08', 'reserve_coverage', '风险准备金覆盖率', 'reserve coverage of the liability', 'percent', true),
    ('I09', 'asset_class_1_ratio', 'Ⅰ级资产占比', 'class I assets ratio', 'percent', true),
    ('I10', 'asset_class_1_2_ratio', 'Ⅰ级+Ⅱ级资产占比', 'class I + II assets ratio', 'percent', true),
    ('I11', 'asset_class_3_ratio', 'Ⅲ级资产占比', 'class III assets ratio', 'percent', true),
    ('I12', 'net_assets_reserves_ratio', '（净资产+准备金）占资产总额', '(net assets + reserves) / total assets', 'percent', true),
    ('I13', 'small_micro_agri_share', '支小支农担保金额占比（本年）', 'small/micro and agriculture share, year to date', 'percent', false),
    ('I14', 'small_client_share', '其中单户≤500万元占比', 'of which clients at most ¥5m', 'percent', false),
    ('I15', 'fee_cap_breaches_ytd', '超费率上限担保笔数（本年）', 'guarantees above the fee cap, year to date', 'guarantees', false),
] %}
with

indicators as (

    select * from {{ ref('reg_company_indicators') }}

),

months as (

    select * from {{ ref('int_regulatory__month_ends') }}

),

guarantees as (

    select * from {{ ref('int_ledger__guarantees') }}

),

customers as (

    select * from {{ ref('int_regulatory__customers') }}

),

exposures as (

    select * from {{ ref('reg_guarantee_exposures') }}

),

categorised as (

    select
        g.guarantee_key,
        g.customer_key,
        g.start_date,
        g.guaranteed_amount_fen,
        g.product_type <> 'non_financing' as is_financing,
        g.product_type in ('loan', 'housing') as is_loan,
        g.product_type = 'bond' as is_bond,
        g.product_type = 'other_financing' as is_other_financing,
        g.is_agricultural or c.is_farmer as is_agri,
        coalesce(c.is_small, false) as is_small,
        coalesce(c.is_micro, false) as is_micro,
        coalesce(c.is_person, false) as is_person
    from guarantees as g
    left join customers as c on g.customer_key = c.customer_key

),

{%- set breakdown = [
    ('total', 'true'), ('financing', 'x.is_financing'), ('loan', 'x.is_loan'),
    ('bond', 'x.is_bond'), ('other_financing', 'x.is_other_financing'),
    ('non_financing', 'not x.is_financing'), ('agri', 'x.is_agri'), ('small', 'x.is_small'),
    ('micro', 'x.is_micro'), ('person', 'x.is_person'),
] %}

issued as (

    select
        m.month_end,
        {%- for name, condition in breakdown %}
            coalesce(sum(x.guaranteed_amount_fen) filter (where {{ condition }}), 0)
                as new_{{ name }}_fen,
        {%- endfor %}
        count(distinct x.customer_key) as new_clients_count,
        count(distinct x.customer_key) filter (where x.is_financing)
            as new_financing_clients_count
    from months as m
    left join categorised as x on x.start_date between m.year_start and m.month_end
    group by m.month_end

),

outstanding as (

    select
        e.month_end,
        {%- for name, condition in breakdown %}
            coalesce(sum(e.outstanding_fen) filter (where {{ condition }}), 0)
                as outstanding_{{ name }}_fen,
        {%- endfor %}
        count(distinct e.customer_key) as clients_in_force_count,
        count(distinct e.customer_key) filter (where x.is_financing)
            as financing_clients_in_force_count
    from exposures as e
    inner join categorised as x on e.guarantee_key = x.guarantee_key
    group by e.month_end

),

report_values as (

    select
        i.*,
        {%- for name, condition in breakdown %}
            s.new_{{ name }}_fen,
            coalesce(o.outstanding_{{ name }}_fen, 0) as outstanding_{{ name }}_fen,
        {%- endfor %}
        s.new_clients_count,
        s.new_financing_clients_count,
        coalesce(o.clients_in_force_count, 0) as clients_in_force_count,
        coalesce(o.financing_clients_in_force_count, 0) as financing_clients_in_force_count
    from indicators as i
    left join issued as s on i.month_end = s.month_end
    left join outstanding as o on i.month_end = o.month_end

),

report_lines as (
    {%- for line_no, code, name_zh, name_en, unit, is_balance in lines %}
        {%- if unit == 'wan' %}
            {%- set column = code ~ '_fen' %}
        {%- elif unit in ('clients', 'guarantees') and code != 'fee_cap_breaches_ytd' %}
            {%- set column = code ~ '_count' %}
        {%- else %}
            {%- set column = code %}
        {%- endif %}
        select
            month_end,
            '{{ line_no }}' as line_no,
            '{{ code }}' as line_code,
            '{{ name_zh }}' as item_zh,
            '{{ name_en }}' as item_en,
            '{{ unit }}' as unit,
            {{ is_balance }} as is_balance,
            {{ loop.index }} as line_order,
            cast({{ column }} as double) as value_exact
        from report_values
        {{ "union all" if not loop.last }}
    {%- endfor %}
),

displayed as (

    select
        *,
        case unit
            when 'wan' then round(value_exact / 1000000, 2)
            when 'percent' then round(value_exact * 100, 2)
            when 'multiple' then round(value_exact, 2)
            else value_exact
        end as reported_value
    from report_lines

)

select
    d.month_end,
    d.line_no,
    d.line_code,
    d.line_order,
    d.item_zh,
    d.item_en,
    case d.unit
        when 'wan' then '万元'
        when 'clients' then '户'
        when 'guarantees' then '笔'
        when 'multiple' then '倍'
        else '%'
    end as unit,
    d.reported_value,
    d.value_exact,
    case when d.is_balance then year_opening.reported_value end as year_opening_value,
    year_earlier.reported_value as prior_year_value
from displayed as d
left join displayed as year_opening
    on
        d.line_code = year_opening.line_code
        and year_opening.month_end = cast(date_trunc('year', d.month_end) as date) - 1
left join displayed as year_earlier
    on
        d.line_code = year_earlier.line_code
        and year_earlier.month_end = last_day(d.month_end - interval 1 year)
