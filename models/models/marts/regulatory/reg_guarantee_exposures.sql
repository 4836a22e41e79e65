{#-
  One row per month-end and guarantee in force at that month-end (started on or before it, not
  yet released or compensated, balance above zero): its balance, the retained share after risk
  sharing, the client's balance for the 单户 threshold, the risk-weight class and the weighted
  融资担保责任余额. Amounts in fen; a share or weight is applied and rounded to the fen.
-#}
with

month_ends as (

    select * from {{ ref('int_regulatory__month_ends') }}

),

guarantees as (

    select * from {{ ref('int_ledger__guarantees') }}

),

customers as (

    select * from {{ ref('int_regulatory__customers') }}

),

events as (

    select * from {{ ref('int_ledger__events') }}

),

weights as (

    select * from {{ ref('reg_risk_weights') }}

),

ratings as (

    select * from {{ ref('reg_bond_ratings') }}

),

ended as (

    select
        guarantee_key,
        min(event_date) as ended_on
    from events
    where event_type in ('compensation', 'release')
    group by guarantee_key

),

repaid as (

    select
        m.month_end,
        e.guarantee_key,
        sum(e.amount_fen) as repaid_fen
    from events as e
    inner join month_ends as m on e.event_date <= m.month_end
    where e.event_type = 'repayment'
    group by m.month_end, e.guarantee_key

),

in_force as (

    select
        m.month_end,
        g.guarantee_key,
        g.customer_key,
        g.product_type,
        g.bond_rating,
        g.is_agricultural,
        g.guaranteed_amount_fen,
        g.retained_share,
        g.product_type <> 'non_financing' as is_financing,
        greatest(
            least(g.guaranteed_amount_fen, g.principal_fen - coalesce(r.repaid_fen, 0)), 0
        ) as outstanding_fen
    from guarantees as g
    inner join month_ends as m on g.start_date <= m.month_end
    left join ended as e on g.guarantee_key = e.guarantee_key
    left join repaid as r on g.guarantee_key = r.guarantee_key and m.month_end = r.month_end
    where e.ended_on is null or e.ended_on > m.month_end

),

retained as (

    select
        *,
        cast(round(outstanding_fen * retained_share) as bigint) as retained_fen
    from in_force
    where outstanding_fen > 0

),

client_balances as (

    select
        *,
        case
            when {{ reg_option_is('risk_share_basis', 'full_balance') }} then outstanding_fen
            else retained_fen
        end as counted_fen,
        sum(
            case
                when not is_financing then 0
                when {{ reg_option_is('client_threshold_basis', 'retained_balance') }}
                    then retained_fen
                else outstanding_fen
            end
        ) over (partition by month_end, customer_key) as client_balance_fen
    from retained

),

classified as (

    select
        b.*,
        c.customer_type,
        c.related_group_key,
        c.is_small or c.is_micro as is_small_micro,
        case
            when not b.is_financing then null
            when b.product_type = 'housing' then 'loan_housing'
            when b.product_type = 'bond'
                then case
                    when
                        rt.rating_rank < {{ reg_limit('bond_aa_min_rank') }}
                        or (
                            rt.rating_rank = {{ reg_limit('bond_aa_min_rank') }}
                            and {{ reg_option_is('bond_aa_reading', 'aa_inclusive') }}
                        )
                        then 'bond_aa'
                    else 'bond_other'
                end
            when b.product_type = 'other_financing' then 'other_financing'
            when
                (c.is_small or c.is_micro)
                and b.client_balance_fen <= {{ reg_limit('small_micro_client_threshold_fen') }}
                then 'loan_small_micro'
            when
                c.is_farmer
                and b.client_balance_fen <= {{ reg_limit('farmer_client_threshold_fen') }}
                then 'loan_farmer'
            else 'loan_other'
        end as weight_class
    from client_balances as b
    left join customers as c on b.customer_key = c.customer_key
    left join ratings as rt on upper(trim(b.bond_rating)) = rt.rating

)

select
    c.month_end,
    c.guarantee_key,
    c.customer_key,
    c.related_group_key,
    c.customer_type,
    c.is_small_micro,
    c.product_type,
    c.bond_rating,
    c.is_financing,
    c.is_agricultural,
    c.guaranteed_amount_fen,
    c.outstanding_fen,
    c.retained_share,
    c.retained_fen,
    c.counted_fen,
    c.client_balance_fen,
    c.weight_class,
    w.weight,
    coalesce(cast(round(c.counted_fen * w.weight) as bigint), 0) as weighted_fen
from classified as c
left join weights as w on c.weight_class = w.weight_class
