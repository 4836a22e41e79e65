{#-
  One row per supplementary line (reserve bases, capital by owner, equity stakes, guarantee
  business) per month-end, from the latest landing of that month. Amounts in fen (unit 元) or
  counts (unit 笔).
-#}
with

source as (

    select * from {{ source('raw_finance', 'supplementary_items') }}

),

renamed as (

    select
        period || '|' || item_code as item_key,
        period,
        last_day(cast(period || '-01' as date)) as period_end_date,
        item_code,
        item_name,
        case unit when '元' then 'fen' when '笔' then 'count' end as unit,
        unit as unit_label,
        amount_fen,
        count as item_count,
        sheet_row,
        drop_sequence,
        issued_on,
        source_file,
        {{ landing_columns() }}

    from source

)

{{ latest_landing('renamed', 'item_key', 'drop_sequence desc') }}
