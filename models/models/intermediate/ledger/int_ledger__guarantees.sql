{#-
  One row per guarantee contract of the ledger the regulatory numbers read (models/README.md).
  lake: the legacy business system as landed (raw_business: contract, product, loan, retained
  risk share). The business staging models do not exist yet, so this reads the raw tables through
  the staging macros; it moves onto stg_business__* when they land.
  csv: an external ledger's guarantees.csv (models/examples/external-ledger/README.md).
-#}
{% if var('ledger_source') == 'csv' %}

with

source as (

    select *
    from {{ ledger_csv('guarantees.csv', {
        'contract_no': 'varchar',
        'customer_id': 'varchar',
        'product_type': 'varchar',
        'bond_rating': 'varchar',
        'guaranteed_amount_yuan': 'decimal(18,2)',
        'start_date': 'date',
        'end_date': 'date',
        'annual_fee_rate': 'decimal(8,6)',
        'is_agricultural': 'boolean',
        'is_policy': 'boolean',
        'retained_share': 'decimal(8,6)',
    }) }}

)

select
    contract_no as guarantee_key,
    customer_id as customer_key,
    product_type,
    nullif(trim(bond_rating), '') as bond_rating,
    cast(guaranteed_amount_yuan * 100 as bigint) as guaranteed_amount_fen,
    cast(guaranteed_amount_yuan * 100 as bigint) as principal_fen,
    start_date,
    end_date,
    annual_fee_rate,
    coalesce(is_agricultural, false) as is_agricultural,
    coalesce(is_policy, false) as is_policy,
    coalesce(retained_share, 1) as retained_share
from source

{% else %}

    with

    contracts as (

        select
            contract_no,
            project_id,
            guaranteed_amount_fen,
            start_date,
            end_date,
            fee_rate_bp,
            product_code,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_business', 't_guarantee_contract') }}

    ),

    latest_contracts as (
        {{ latest_landing('contracts', 'contract_no') }}
    ),

    projects as (

        select
            project_id,
            application_id,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_business', 't_project') }}

    ),

    latest_projects as (
        {{ latest_landing('projects', 'project_id') }}
    ),

    applications as (

        select
            application_id,
            customer_id,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_business', 't_application') }}

    ),

    latest_applications as (
        {{ latest_landing('applications', 'application_id') }}
    ),

    products as (

        select
            product_code,
            product_type,
            is_agricultural,
            is_policy,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_business', 't_product') }}

    ),

    latest_products as (
        {{ latest_landing('products', 'product_code') }}
    ),

    loans as (

        select
            loan_id,
            contract_no,
            principal_fen,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_business', 't_loan') }}

    ),

    latest_loans as (
        {{ latest_landing('loans', 'loan_id') }}
    ),

    loan_principal as (

        select
            contract_no,
            sum(principal_fen) as principal_fen
        from latest_loans
        group by contract_no

    ),

    shares as (

        select
            share_id,
            contract_no,
            party_type,
            share_pct,
            _window as landing_window,
            _landed_at as landed_at
        from {{ source('raw_business', 't_risk_share') }}

    ),

    latest_shares as (
        {{ latest_landing('shares', 'share_id') }}
    ),

    retained as (

        select
            contract_no,
            sum(share_pct) / 100 as retained_share
        from latest_shares
        where party_type = 'self'
        group by contract_no

    )

    select
        c.contract_no as guarantee_key,
        a.customer_id as customer_key,
        p.product_type,
        cast(null as varchar) as bond_rating,
        c.guaranteed_amount_fen,
        coalesce(lp.principal_fen, c.guaranteed_amount_fen) as principal_fen,
        c.start_date,
        c.end_date,
        cast(cast(c.fee_rate_bp as decimal(12, 6)) / 10000 as decimal(8, 6)) as annual_fee_rate,
        coalesce(p.is_agricultural = 1, false) as is_agricultural,
        coalesce(p.is_policy = 1, false) as is_policy,
        cast(coalesce(r.retained_share, 1) as decimal(8, 6)) as retained_share
    from latest_contracts as c
    left join latest_projects as pj on c.project_id = pj.project_id
    left join latest_applications as a on pj.application_id = a.application_id
    left join latest_products as p on c.product_code = p.product_code
    left join loan_principal as lp on c.contract_no = lp.contract_no
    left join retained as r on c.contract_no = r.contract_no

{% endif %}
