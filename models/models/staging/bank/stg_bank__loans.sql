with

source as (

    select * from {{ source('raw_bank', 'loans') }}

),

renamed as (

    select
        loan_no,
        bank_code,
        borrower_uscc,
        borrower_id_number,
        borrower_name,
        principal_fen,
        annual_rate_bp,
        start_date,
        maturity_date,
        guarantee_contract_no,
        loan_status,
        drop_id,
        source_file,
        source_row,
        _window as landing_window,
        _landing_id as landing_id,
        _landed_at as landed_at

    from source

),

latest_landing_per_loan as (

    select * from renamed
    qualify row_number() over (
        partition by loan_no
        order by landing_window desc, landed_at desc, drop_id desc
    ) = 1

)

select * from latest_landing_per_loan
