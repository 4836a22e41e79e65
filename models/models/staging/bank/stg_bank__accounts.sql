with

source as (

    select * from {{ source('raw_bank', 'accounts') }}

),

renamed as (

    select
        account_no,
        bank_code,
        holder_kind,
        holder_uscc,
        holder_id_number,
        holder_name,
        opened_date,
        account_type,
        drop_id,
        source_file,
        source_row,
        {{ landing_columns() }}

    from source

)

-- Every drop repeats the bank's account list: the latest landing holds the current account.
{{ latest_landing('renamed', 'account_no', 'drop_id desc') }}
