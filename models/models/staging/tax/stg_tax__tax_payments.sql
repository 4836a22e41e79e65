with

source as (

    select * from {{ source('raw_tax', 'tax_payments') }}

),

renamed as (

    select
        uscc || '|' || period || '|' || tax_type as payment_key,
        uscc,
        period as tax_period,
        tax_type,
        paid_fen,
        paid_date,
        source_file,
        source_row,
        _window as landing_window,
        _landing_id as landing_id,
        _landed_at as landed_at

    from source

),

latest_landing_per_payment as (

    select * from renamed
    qualify row_number() over (
        partition by payment_key
        order by landed_at desc, landing_window desc
    ) = 1

)

select * from latest_landing_per_payment
