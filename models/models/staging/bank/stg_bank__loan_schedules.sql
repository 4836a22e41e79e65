with

source as (

    select * from {{ source('raw_bank', 'loan_schedules') }}

),

renamed as (

    select
        loan_no || '|' || period_no as instalment_key,
        loan_no,
        period_no,
        due_date,
        principal_due_fen,
        interest_due_fen,
        bank_code,
        drop_id,
        source_file,
        source_row,
        _window as landing_window,
        _landing_id as landing_id,
        _landed_at as landed_at

    from source

),

latest_landing_per_instalment as (

    select * from renamed
    qualify row_number() over (
        partition by instalment_key
        order by landing_window desc, landed_at desc, drop_id desc
    ) = 1

)

select * from latest_landing_per_instalment
