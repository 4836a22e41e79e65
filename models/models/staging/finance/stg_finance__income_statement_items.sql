{#-
  One row per income statement line per month, from the latest landing of that month (a
  correction replaces the month). The month and the year to date in fen.
-#}
with

source as (

    select * from {{ source('raw_finance', 'income_statement_items') }}

),

renamed as (

    select
        period || '|' || item_code as item_key,
        period,
        last_day(cast(period || '-01' as date)) as period_end_date,
        item_code,
        item_name,
        is_total,
        month_fen,
        year_to_date_fen,
        sheet_row,
        drop_sequence,
        issued_on,
        source_file,
        {{ landing_columns() }}

    from source

)

{{ latest_landing('renamed', 'item_key', 'drop_sequence desc') }}
