{#-
  One row per approval step of a review project, current as landed; step and opinion decoded.
-#}
with

current_rows as (

    {{ business_current_rows('t_approval_log', 'log_id') }}

),

renamed as (

    select
        current_rows.log_id,
        current_rows.project_id,
        {{ business_code('current_rows.step', 'approval_step') }} as step,
        {{ business_label('current_rows.step', 'approval_step') }} as step_label,
        current_rows.user_id,
        {{ business_code('current_rows.opinion', 'approval_opinion') }} as opinion,
        {{ business_label('current_rows.opinion', 'approval_opinion') }} as opinion_label,
        current_rows.meeting_no,
        {{ beijing_timestamp('current_rows.acted_at') }} as acted_at,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
