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
        {{ landing_columns() }}

    from source

)

{{ latest_landing('renamed', 'repayment_key', 'drop_id desc') }}
