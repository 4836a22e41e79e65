{#-
  One row per review project, current as landed; decision decoded.
-#}
with

current_rows as (

    {{ business_current_rows('t_project', 'project_id') }}

),

renamed as (

    select
        current_rows.project_id,
        current_rows.application_id,
        current_rows.officer_name,
        current_rows.officer_user_id,
        {{ beijing_timestamp('current_rows.investigated_at') }} as investigated_at,
        {{ beijing_timestamp('current_rows.approved_at') }} as approved_at,
        current_rows.approved_amount_fen,
        {{ business_code('current_rows.decision', 'project_decision') }} as decision,
        {{ business_label('current_rows.decision', 'project_decision') }} as decision_label,
        {{ beijing_timestamp('current_rows.updated_at') }} as updated_at,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
