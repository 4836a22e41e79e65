{#-
  One row per month-end: 代偿 (compensations), 代偿回收 (recoveries), 损失核销 (write-offs) and 解除担保
  (releases) in the month, the year to date and since founding; 代偿余额 at the month's opening
  and closing (累计代偿 − 累计收回 − 累计核销); and the rates of domain.md §6.2. 解除担保金额 counts a
  guarantee once: its release amount, or its compensation amount when compensation ended it
  (option release_includes_compensated; a release after a compensation is not counted again).
-#}
with

month_ends as (

    select * from {{ ref('int_regulatory__month_ends') }}

),

events as (

    select * from {{ ref('int_ledger__events') }}

),

compensated as (

    select
        guarantee_key,
        min(event_date) as compensated_on
    from events
    where event_type = 'compensation'
    group by guarantee_key

),

flows as (

    select
        e.event_type,
        e.event_date,
        e.amount_fen
    from events as e
    left join compensated as c on e.guarantee_key = c.guarantee_key
    where
        e.event_type in ('compensation', 'recovery', 'write_off')
        or (
            e.event_type = 'release'
            and (c.compensated_on is null or e.event_date < c.compensated_on)
        )

    union all

    select
        'release' as event_type,
        event_date,
        amount_fen
    from events
    where
        event_type = 'compensation'
        and {{ reg_option_is('release_includes_compensated', 'include') }}

),

sums as (

    select
        m.month_end,
    {%- for kind in ['compensation', 'recovery', 'write_off', 'release'] %}
        coalesce(sum(f.amount_fen) filter (
            where f.event_type = '{{ kind }}' and f.event_date >= m.month_start
            ), 0) as {{ kind }}_month_fen,
        coalesce(sum(f.amount_fen) filter (
            where f.event_type = '{{ kind }}' and f.event_date >= m.year_start
            ), 0) as {{ kind }}_ytd_fen,
        coalesce(sum(f.amount_fen) filter (
            where f.event_type = '{{ kind }}'
            ), 0) as {{ kind }}_cumulative_fen,
        coalesce(sum(f.amount_fen) filter (
            where f.event_type = '{{ kind }}' and f.event_date < m.month_start
            ), 0) as {{ kind }}_before_month_fen
        {{- "," if not loop.last }}
    {%- endfor %}
    from month_ends as m
    left join flows as f on m.month_end >= f.event_date
    group by m.month_end

)

select
    month_end,
    compensation_month_fen,
    recovery_month_fen,
    write_off_month_fen,
    release_month_fen,
    compensation_ytd_fen,
    recovery_ytd_fen,
    write_off_ytd_fen,
    release_ytd_fen,
    compensation_cumulative_fen,
    recovery_cumulative_fen,
    write_off_cumulative_fen,
    release_cumulative_fen,
    compensation_before_month_fen - recovery_before_month_fen - write_off_before_month_fen
        as compensation_balance_opening_fen,
    compensation_cumulative_fen - recovery_cumulative_fen - write_off_cumulative_fen
        as compensation_balance_fen,
    cast(compensation_ytd_fen as double) / nullif(release_ytd_fen, 0) as compensation_rate_ytd,
    cast(compensation_cumulative_fen as double) / nullif(release_cumulative_fen, 0)
        as compensation_rate_cumulative,
    cast(write_off_cumulative_fen as double) / nullif(compensation_cumulative_fen, 0)
        as compensation_loss_rate,
    cast(write_off_cumulative_fen as double) / nullif(release_cumulative_fen, 0)
        as guarantee_loss_rate,
    cast(recovery_cumulative_fen as double) / nullif(compensation_cumulative_fen, 0)
        as recovery_rate
from sums
