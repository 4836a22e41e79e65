{#-
  One row per counter-guarantee (mortgage, pledge or guarantor), current as landed; kind
  decoded.
-#}
with

current_rows as (

    {{ business_current_rows('t_counter_guarantee', 'counter_id') }}

),

renamed as (

    select
        current_rows.counter_id,
        current_rows.contract_no,
        {{ business_code('current_rows.kind', 'counter_guarantee_kind') }} as kind,
        {{ business_label('current_rows.kind', 'counter_guarantee_kind') }} as kind_label,
        current_rows.guarantor_name,
        current_rows.guarantor_uscc,
        current_rows.guarantor_id_number,
        current_rows.collateral_desc,
        current_rows.value_fen,
        current_rows.counter_contract_no,
        current_rows.valid_from,
        current_rows.valid_to,
        {{ beijing_timestamp('current_rows.updated_at') }} as updated_at,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
