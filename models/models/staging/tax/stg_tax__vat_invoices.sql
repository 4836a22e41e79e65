with

source as (

    select * from {{ source('raw_tax', 'vat_invoices') }}

),

renamed as (

    select
        invoice_no,
        period as tax_period,
        issue_date,
        seller_uscc,
        seller_name,
        buyer_uscc,
        buyer_name,
        amount_fen,
        tax_fen,
        invoice_status,
        invoice_status = '正常' as is_valid,
        source_file,
        source_row,
        _window as landing_window,
        _landing_id as landing_id,
        _landed_at as landed_at

    from source

),

-- A corrected drop replaces its whole period, so an invoice lives in one window; should a number
-- ever arrive in two periods, the later landing wins.
latest_landing_per_invoice as (

    select * from renamed
    qualify row_number() over (
        partition by invoice_no
        order by landed_at desc, landing_window desc
    ) = 1

)

select * from latest_landing_per_invoice
