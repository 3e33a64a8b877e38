// COpenVINO: weir's bridge to OpenVINO's C API, loaded at run time.
//
// weir builds and runs without OpenVINO: nothing here links it. `weir_ov_load` opens
// `libopenvino_c` with dlopen and resolves the dozen entry points weir uses with dlsym; the
// declarations of those functions are our own, written from OpenVINO's documented C API
// (`openvino/c/*.h`), for the types and values that API fixes (status 0 is success, element type
// 4 is f32, a shape is a rank and an array of int64 dimensions). Every failure comes back as a
// status and a message in the caller's buffer; nothing here prints, exits or throws.
#ifndef COPENVINO_H
#define COPENVINO_H

#include <stddef.h>
#include <stdint.h>

/// The most dimensions a tensor weir reads may have.
#define WEIR_OV_MAX_RANK 8

/// A read (and later compiled) model with its inference requests' parent; opaque.
typedef struct weir_ov_model weir_ov_model;
/// One inference request of a compiled model; use from one thread at a time.
typedef struct weir_ov_request weir_ov_request;

/// The shape, name and element type of one model input or output. A dimension the model leaves
/// open (a dynamic batch, say) is -1; `rank` is -1 when even the rank is open.
typedef struct {
  int64_t rank;
  int64_t dims[WEIR_OV_MAX_RANK];
  /// OpenVINO's element type number (4 f32, 5 f64, 9 i32, 10 i64, 16 u8, …).
  int element_type;
  char name[128];
} weir_ov_port;

/// Opens the OpenVINO C library at `path` (once per process; later calls with any path return the
/// first outcome). 0 on success; otherwise `error` says why.
int weir_ov_load(const char *path, char *error, size_t error_size);

/// Reads an ONNX (or OpenVINO IR) model file. NULL on failure, with the reason in `error`.
weir_ov_model *weir_ov_read(const char *model_path, char *error, size_t error_size);

/// The number of inputs (or outputs) of a read model.
size_t weir_ov_input_count(const weir_ov_model *model);
size_t weir_ov_output_count(const weir_ov_model *model);

/// The shape of input (or output) `index` as the model states it now (after a reshape, outputs
/// follow). 0 on success.
int weir_ov_input(const weir_ov_model *model, size_t index, weir_ov_port *port);
int weir_ov_output(const weir_ov_model *model, size_t index, weir_ov_port *port);

/// Fixes the single input's shape to the `rank` dimensions in `dims`, then compiles the model for
/// `device` ("CPU", "GPU", …) with `threads` inference threads (0: OpenVINO's choice). 0 on success.
int weir_ov_compile(weir_ov_model *model, const int64_t *dims, int64_t rank, const char *device, int threads,
                    char *error, size_t error_size);

/// A new inference request of a compiled model. NULL on failure, with the reason in `error`.
weir_ov_request *weir_ov_request_create(weir_ov_model *model, char *error, size_t error_size);

/// Runs `request` on f32 data of the compiled input shape (`count` values, owned by the caller and
/// read during the call only). 0 on success.
int weir_ov_infer(weir_ov_request *request, float *input, size_t count, char *error, size_t error_size);

/// The shape of output `index` of the last inference, and its values converted to f32 into `out`
/// when `out` is not NULL and `capacity` holds them all. 0 on success.
int weir_ov_result(weir_ov_request *request, size_t index, weir_ov_port *port, float *out, size_t capacity,
                   char *error, size_t error_size);

void weir_ov_request_free(weir_ov_request *request);
void weir_ov_close(weir_ov_model *model);

#endif
