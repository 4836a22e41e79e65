{#-
  Incremental staging of a large raw table under the latest-landing rule (staging.sql), exact: the
  model is materialized `incremental` with `delete+insert` on its key, and on an incremental run

    * `latest_landing_prune(source_relation)` (a pre-hook) deletes the model's rows whose landing is
      no longer in the raw table (a window landed again replaces its old landing there);
    * `latest_landing_keys(source_relation, raw_key, key)` keeps, of the raw rows, only the keys to
      recompute: those of a landing the model has not seen yet, and those missing from the model
      (their winning row was pruned above). Every raw row of such a key is read again, so the
      latest-landing window picks the same winner as a full refresh; delete+insert then replaces
      the key's row (or leaves it deleted when no raw row is left).

  A full refresh (first build, `--full-refresh`, or a model that was a view) reads every raw row.
-#}
{% macro latest_landing_prune(source_relation) -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where landing_id not in (select distinct _landing_id from {{ source_relation }})
    {%- endif -%}
{%- endmacro %}

{% macro latest_landing_keys(source_relation, raw_key, key) -%}
    {%- if is_incremental() -%}
        where {{ key }} in (
            select {{ raw_key }} from {{ source_relation }}
            where _landing_id not in (select distinct landing_id from {{ this }})
            union
            select {{ raw_key }} from {{ source_relation }}
            where {{ raw_key }} not in (select {{ key }} from {{ this }})
        )
    {%- endif -%}
{%- endmacro %}
