{#-
  One row per month-end: the year's new financing guarantees (started from 1 January to the
  month-end) and the 支小支农 share of their amount (小微 clients, farmers and agricultural
  guarantees), and within it the share of clients whose year's 支小支农 amount is at most 500万
  (国办发〔2019〕6号, 财金〔2025〕11号: at least 80% and 50% for a government-backed guarantor).
-#}
with

month_ends as (

    select * from {{ ref('int_regulatory__month_ends') }}

),

guarantees as (

    select * from {{ ref('int_ledger__guarantees') }}
    where product_type <> 'non_financing'

),

customers as (

    select * from {{ ref('int_regulatory__customers') }}

),

year_guarantees as (

    select
        m.month_end,
        g.customer_key,
        g.guaranteed_amount_fen,
        c.is_small or c.is_micro or c.is_farmer or g.is_agricultural as is_small_micro_agri
    from month_ends as m
    inner join guarantees as g on g.start_date between m.year_start and m.month_end
    left join customers as c on g.customer_key = c.customer_key

),

policy_clients as (

    select
        month_end,
        customer_key,
        sum(guaranteed_amount_fen) as policy_amount_fen
    from year_guarantees
    where is_small_micro_agri
    group by month_end, customer_key

),

totals as (

    select
        m.month_end,
        coalesce(sum(y.guaranteed_amount_fen), 0) as new_financing_amount_fen,
        coalesce(sum(y.guaranteed_amount_fen) filter (where y.is_small_micro_agri), 0)
            as small_micro_agri_amount_fen
    from month_ends as m
    left join year_guarantees as y on m.month_end = y.month_end
    group by m.month_end

),

small_clients as (

    select
        month_end,
        sum(policy_amount_fen) as small_client_amount_fen
    from policy_clients
    where policy_amount_fen <= {{ reg_limit('policy_small_client_threshold_fen') }}
    group by month_end

)

select
    t.month_end,
    t.new_financing_amount_fen,
    t.small_micro_agri_amount_fen,
    coalesce(s.small_client_amount_fen, 0) as small_client_amount_fen,
    cast(t.small_micro_agri_amount_fen as double) / nullif(t.new_financing_amount_fen, 0)
        as small_micro_agri_share,
    cast(coalesce(s.small_client_amount_fen, 0) as double)
    / nullif(t.small_micro_agri_amount_fen, 0) as small_client_share,
    {{ reg_limit('small_micro_agri_share_min') }} as small_micro_agri_share_min,
    {{ reg_limit('small_client_share_min') }} as small_client_share_min
from totals as t
left join small_clients as s on t.month_end = s.month_end
