{#-
  One row per schema difference between the legacy database and the connector's declared mapping
  (table, column and kind of change), from the latest window that found it. The connector lands
  only the declared columns, cast to their declared types, so drift never reaches the staging
  columns silently: an added column is not landed (declare it to use it), a removed or retyped
  one lands null or fails the cast. The test on `change` (warn) makes every finding visible in
  `dbt build`.
-#}
with

source as (

    select
        table_name,
        column_name,
        change,
        declared_type,
        source_type,
        description,
        {{ landing_columns() }}
    from {{ source('raw_business', 'schema_drift') }}

),

keyed as (

    select
        table_name || '|' || coalesce(column_name, '') || '|' || change as drift_key,
        *
    from source

)

{{ latest_landing('keyed', 'drift_key') }}
