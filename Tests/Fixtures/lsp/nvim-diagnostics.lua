-- Neovim's built-in LSP client (0.7) against `weir lsp`: open the workflow named by WEIR_FILE,
-- wait for its diagnostics, write them to WEIR_OUT as `line:column id` (1-based, as Neovim shows
-- them), then stop the server and quit. Run headless by LSPNeovimTests.
local weir = os.getenv("WEIR_BIN")
local file = os.getenv("WEIR_FILE")
local out = os.getenv("WEIR_OUT")

local client = vim.lsp.start_client({
  name = "weir",
  cmd = { weir, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":h"),
})
vim.cmd("edit " .. vim.fn.fnameescape(file))
vim.lsp.buf_attach_client(0, client)

local found = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
local lines = {}
if not found then
  table.insert(lines, "no diagnostics")
end
local diagnostics = vim.diagnostic.get(0)
table.sort(diagnostics, function(a, b)
  if a.lnum ~= b.lnum then return a.lnum < b.lnum end
  return a.col < b.col
end)
for _, d in ipairs(diagnostics) do
  local code = d.code
  if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
  table.insert(lines, string.format("%d:%d %s", d.lnum + 1, d.col + 1, tostring(code)))
end
vim.fn.writefile(lines, out)

vim.lsp.stop_client(client)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 20)
vim.cmd("qa!")
