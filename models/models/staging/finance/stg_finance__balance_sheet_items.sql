{#-
  One row per balance sheet line (account code) per month-end, from the latest landing of that
  month (a correction, a higher drop_sequence, replaces the month). Amounts in fen.
-#}
with

source as (

    select * from {{ source('raw_finance', 'balance_sheet_items') }}

),

renamed as (

    select
        period || '|' || item_code as item_key,
        period,
        last_day(cast(period || '-01' as date)) as period_end_date,
        item_code,
        item_name,
        section,
        nullif(trim(asset_class), '') as asset_class,
        is_total,
        closing_fen,
        year_opening_fen,
        sheet_row,
        drop_sequence,
        issued_on,
        source_file,
        {{ landing_columns() }}

    from source

)

{{ latest_landing('renamed', 'item_key', 'drop_sequence desc') }}
