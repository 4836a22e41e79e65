{#-
  One row per source row found hard-deleted (table and key), from the latest window that recorded
  it. The staging models exclude these keys (business_current_rows) unless a later window landed
  the key again; this model keeps the deletions visible.
-#}
with

source as (

    select
        table_name,
        record_key,
        last_landed_window,
        {{ landing_columns() }}
    from {{ source('raw_business', 'deletions') }}

),

keyed as (

    select
        table_name || '|' || record_key as deletion_key,
        *
    from source

)

{{ latest_landing('keyed', 'deletion_key') }}
