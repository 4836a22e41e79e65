with

source as (

    select * from {{ source('raw_bank', 'repayments') }}

),

renamed as (

    select
        loan_no || '|' || period_no || '|' || paid_date as repayment_key,
        loan_no,
        period_no,
        paid_date,
        principal_paid_fen,
        interest_paid_fen,
        overdue_days,
        bank_code,
        drop_id,
        source_file,
        source_row,
        _window as landing_window,
        _landing_id as landing_id,
        _landed_at as landed_at

    from source

),

latest_landing_per_repayment as (

    select * from renamed
    qualify row_number() over (
        partition by repayment_key
        order by landing_window desc, landed_at desc, drop_id desc
    ) = 1

)

select * from latest_landing_per_repayment
