#!/usr/bin/env bash
# Adds one EF Core migration to both providers' sets (App/Migrations/Sqlite and App/Migrations/Postgres) and keeps each
# model snapshot beside its migrations. Usage: scripts/add-migration.sh <MigrationName>
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh <MigrationName>}"

dotnet tool restore >/dev/null
dotnet restore App.DesignTime >/dev/null

for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project App --startup-project App.DesignTime \
    --context "${provider}AppDbContext" --output-dir "Migrations/$provider" --namespace "BlazorPartner.Migrations.$provider"
  # dotnet ef puts a snapshot whose namespace it cannot map to a folder under App/BlazorPartner/...; keep it with its set.
  misplaced=$(find App -path App/Migrations -prune -o -name "${provider}AppDbContextModelSnapshot.cs" -print)
  if [ -n "$misplaced" ]; then
    mv "$misplaced" "App/Migrations/$provider/"
    find App/BlazorPartner -type d -empty -delete 2>/dev/null || true
  fi
done

echo "Added $name for SQLite and PostgreSQL. Check the generated files; ModelTests asserts no pending model changes."
