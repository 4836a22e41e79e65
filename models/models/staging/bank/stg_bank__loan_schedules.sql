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
        {{ landing_columns() }}

    from source

)

{{ latest_landing('renamed', 'instalment_key', 'drop_id desc') }}
