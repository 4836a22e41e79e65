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
        {{ landing_columns() }}

    from source

)

-- A corrected drop replaces its whole period, so an invoice lives in one window; should a number
-- ever arrive in two periods, the later period wins.
{{ latest_landing('renamed', 'invoice_no') }}
