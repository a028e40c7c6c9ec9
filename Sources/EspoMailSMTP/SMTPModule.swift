@_exported import enum EspoMailCore.ConnectionSecurity
