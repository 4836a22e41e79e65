{#-
  One row per loss write-off of a compensation (损失核销), current as landed.
-#}
with

current_rows as (

    {{ business_current_rows('t_write_off', 'write_off_id') }}

),

renamed as (

    select
        current_rows.write_off_id,
        current_rows.compensation_id,
        {{ beijing_timestamp('current_rows.written_off_at') }} as written_off_at,
        cast({{ beijing_timestamp('current_rows.written_off_at') }} as date) as written_off_on,
        current_rows.amount_fen,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
