{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='transaction_key',
    on_schema_change='fail',
    pre_hook="{{ latest_landing_prune(source('raw_bank', 'transactions')) }}"
) }}

with

source as (

    select * from {{ source('raw_bank', 'transactions') }}

),

renamed as (

    select
        bank_code || '|' || txn_key as transaction_key,
        bank_code,
        account_no,
        txn_id,
        txn_key,
        txn_time as txn_time_utc,
        timezone('Asia/Shanghai', cast(txn_time as timestamptz)) as txn_time_beijing,
        cast(timezone('Asia/Shanghai', cast(txn_time as timestamptz)) as date) as txn_date,
        direction,
        case direction when '贷' then amount_fen else -amount_fen end as signed_amount_fen,
        amount_fen,
        balance_fen,
        counterparty_account,
        counterparty_name,
        summary,
        currency,
        statement_layout,
        drop_id,
        source_file,
        source_row,
        {{ landing_columns() }}

    from source
    {{ latest_landing_keys(
        source('raw_bank', 'transactions'), "bank_code || '|' || txn_key", 'transaction_key'
    ) }}

)

-- Overlapping statements are collapsed by the connector within a landing; across landings the
-- latest copy of a transaction wins. Incremental (macros/incremental_latest_landing.sql): a new
-- landing recomputes only the transactions it holds.
{{ latest_landing('renamed', 'transaction_key', 'drop_id desc') }}
