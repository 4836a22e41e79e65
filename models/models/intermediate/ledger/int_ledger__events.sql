{#-
  One row per dated event of a guarantee: repayment (principal repaid, lowers the balance),
  compensation (代偿: the guarantee ends, the amount paid becomes 代偿余额), recovery (代偿回收),
  write_off (损失核销) and release (解除担保: the guarantee ends; amount = the balance released).
  lake: raw_business t_repayment (via t_loan), t_compensation, t_recovery and t_write_off (via
  t_compensation), t_release (amount: the contract's guaranteed amount), dates in Beijing time.
  csv: an external ledger's events.csv.
-#}
{% if var('ledger_source') == 'csv' %}

with

source as (

    select *
    from {{ ledger_csv('events.csv', {
        'event_id': 'varchar',
        'contract_no': 'varchar',
        'event_type': 'varchar',
        'event_date': 'date',
        'amount_yuan': 'decimal(18,2)',
    }) }}

)

select
    event_id as event_key,
    contract_no as guarantee_key,
    event_type,
    event_date,
    cast(coalesce(amount_yuan, 0) * 100 as bigint) as amount_fen
from source

{% else %}

    with

    loans as (

        select
            loan_id,
            contract_no,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_business', 't_loan') }}

    ),

    latest_loans as (
        {{ latest_landing('loans', 'loan_id') }}
    ),

    repayments as (

        select
            repayment_id,
            loan_id,
            paid_at,
            principal_fen,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_business', 't_repayment') }}

    ),

    latest_repayments as (
        {{ latest_landing('repayments', 'repayment_id') }}
    ),

    compensations as (

        select
            compensation_id,
            contract_no,
            compensated_at,
            amount_fen,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_business', 't_compensation') }}

    ),

    latest_compensations as (
        {{ latest_landing('compensations', 'compensation_id') }}
    ),

    recoveries as (

        select
            recovery_id,
            compensation_id,
            recovered_at,
            amount_fen,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_business', 't_recovery') }}

    ),

    latest_recoveries as (
        {{ latest_landing('recoveries', 'recovery_id') }}
    ),

    write_offs as (

        select
            write_off_id,
            compensation_id,
            written_off_at,
            amount_fen,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_business', 't_write_off') }}

    ),

    latest_write_offs as (
        {{ latest_landing('write_offs', 'write_off_id') }}
    ),

    releases as (

        select
            release_id,
            contract_no,
            released_at,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_business', 't_release') }}

    ),

    latest_releases as (
        {{ latest_landing('releases', 'release_id') }}
    ),

    contracts as (

        select
            contract_no,
            guaranteed_amount_fen,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_business', 't_guarantee_contract') }}

    ),

    latest_contracts as (
        {{ latest_landing('contracts', 'contract_no') }}
    )

    select
        r.repayment_id as event_key,
        l.contract_no as guarantee_key,
        'repayment' as event_type,
        {{ beijing_date('r.paid_at') }} as event_date,
        r.principal_fen as amount_fen
    from latest_repayments as r
    inner join latest_loans as l on r.loan_id = l.loan_id
    where r.principal_fen <> 0

    union all

    select
        compensation_id as event_key,
        contract_no as guarantee_key,
        'compensation' as event_type,
        {{ beijing_date('compensated_at') }} as event_date,
        amount_fen
    from latest_compensations

    union all

    select
        r.recovery_id as event_key,
        c.contract_no as guarantee_key,
        'recovery' as event_type,
        {{ beijing_date('r.recovered_at') }} as event_date,
        r.amount_fen
    from latest_recoveries as r
    inner join latest_compensations as c on r.compensation_id = c.compensation_id

    union all

    select
        w.write_off_id as event_key,
        c.contract_no as guarantee_key,
        'write_off' as event_type,
        {{ beijing_date('w.written_off_at') }} as event_date,
        w.amount_fen
    from latest_write_offs as w
    inner join latest_compensations as c on w.compensation_id = c.compensation_id

    union all

    select
        rl.release_id as event_key,
        rl.contract_no as guarantee_key,
        'release' as event_type,
        {{ beijing_date('rl.released_at') }} as event_date,
        c.guaranteed_amount_fen as amount_fen
    from latest_releases as rl
    inner join latest_contracts as c on rl.contract_no = c.contract_no

{% endif %}
