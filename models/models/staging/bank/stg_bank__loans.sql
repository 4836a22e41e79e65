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
        {{ landing_columns() }}

    from source

)

{{ latest_landing('renamed', 'loan_no', 'drop_id desc') }}
