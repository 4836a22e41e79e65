{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='invoice_no',
    on_schema_change='fail',
    pre_hook="{{ latest_landing_prune(source('raw_tax', 'vat_invoices')) }}"
) }}

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
    {{ latest_landing_keys(source('raw_tax', 'vat_invoices'), 'invoice_no', 'invoice_no') }}

)

-- A corrected drop replaces its whole period, so an invoice lives in one window; should a number
-- ever arrive in two periods, the later period wins. Incremental
-- (macros/incremental_latest_landing.sql): a new landing recomputes only the invoices it holds.
{{ latest_landing('renamed', 'invoice_no') }}
