{#-
  One row per guarantee release (解保), current as landed; reason decoded.
-#}
with

current_rows as (

    {{ business_current_rows('t_release', 'release_id') }}

),

renamed as (

    select
        current_rows.release_id,
        current_rows.contract_no,
        {{ beijing_timestamp('current_rows.released_at') }} as released_at,
        cast({{ beijing_timestamp('current_rows.released_at') }} as date) as released_on,
        {{ business_code('current_rows.reason', 'release_reason') }} as reason,
        {{ business_label('current_rows.reason', 'release_reason') }} as reason_label,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
