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
        _window as landing_window,
        _landing_id as landing_id,
        _landed_at as landed_at

    from source

),

-- Every drop repeats the bank's account list: the latest landing holds the current account.
latest_landing_per_account as (

    select * from renamed
    qualify row_number() over (
        partition by account_no
        order by landing_window desc, landed_at desc, drop_id desc
    ) = 1

)

select * from latest_landing_per_account
