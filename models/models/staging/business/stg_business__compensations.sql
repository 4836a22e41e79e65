{#-
  One row per compensation paid to a bank (代偿), current as landed.
-#}
with

current_rows as (

    {{ business_current_rows('t_compensation', 'compensation_id') }}

),

renamed as (

    select
        current_rows.compensation_id,
        current_rows.contract_no,
        {{ beijing_timestamp('current_rows.compensated_at') }} as compensated_at,
        cast({{ beijing_timestamp('current_rows.compensated_at') }} as date) as compensated_on,
        current_rows.amount_fen,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
