// The value model lives below every stage, in WeirValues (Design.md §9.1). Re-exporting it here means
// that code importing WeirCore sees `DataRecord`, `JSONValue` and the rest without a second import.
@_exported import WeirValues
