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
        {{ landing_columns() }}

    from source

)

{{ latest_landing('renamed', 'payment_key') }}
