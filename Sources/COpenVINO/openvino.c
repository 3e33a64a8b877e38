// See COpenVINO.h: OpenVINO's C API reached through dlopen/dlsym, with our own declarations.
#include "COpenVINO.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The value types the C API passes by value, laid out as its documentation gives them.
typedef struct {
  int64_t rank;
  int64_t *dims;
} ov_shape;
typedef struct {
  int64_t min;
  int64_t max;
} ov_dimension;
typedef struct {
  ov_dimension rank;
  ov_dimension *dims;
} ov_partial_shape;

enum { OV_OK = 0, OV_F32 = 4, OV_F64 = 5, OV_I32 = 9, OV_I64 = 10, OV_U8 = 16 };

// The entry points weir uses; every handle is opaque, so `void *` stands for each.
static struct {
  int (*core_create)(void **core);
  void (*core_free)(void *core);
  int (*core_read_model)(const void *core, const char *path, const char *weights, void **model);
  int (*core_compile_model)(const void *core, const void *model, const char *device, size_t arg_count,
                            void **compiled, ...);
  void (*model_free)(void *model);
  int (*model_inputs_size)(const void *model, size_t *count);
  int (*model_outputs_size)(const void *model, size_t *count);
  int (*model_const_input_by_index)(const void *model, size_t index, void **port);
  int (*model_const_output_by_index)(const void *model, size_t index, void **port);
  int (*model_reshape_single_input)(const void *model, ov_partial_shape shape);
  int (*partial_shape_create_static)(int64_t rank, const int64_t *dims, ov_partial_shape *shape);
  void (*partial_shape_free)(ov_partial_shape *shape);
  int (*port_get_partial_shape)(const void *port, ov_partial_shape *shape);
  int (*port_get_any_name)(const void *port, char **name);
  int (*port_get_element_type)(const void *port, unsigned *type);
  void (*output_const_port_free)(void *port);
  int (*compiled_model_create_infer_request)(const void *compiled, void **request);
  void (*compiled_model_free)(void *compiled);
  int (*infer_request_set_input_tensor_by_index)(void *request, size_t index, const void *tensor);
  int (*infer_request_infer)(void *request);
  int (*infer_request_get_output_tensor_by_index)(const void *request, size_t index, void **tensor);
  void (*infer_request_free)(void *request);
  int (*tensor_create_from_host_ptr)(unsigned type, ov_shape shape, void *data, void **tensor);
  int (*tensor_get_shape)(const void *tensor, ov_shape *shape);
  int (*tensor_get_element_type)(const void *tensor, unsigned *type);
  int (*tensor_data)(const void *tensor, void **data);
  void (*tensor_free)(void *tensor);
  int (*shape_free)(ov_shape *shape);
  void (*free)(const char *text);
  const char *(*get_error_info)(int status);
  const char *(*get_last_err_msg)(void);
} ov;

struct weir_ov_model {
  void *core;
  void *model;
  void *compiled;
  int64_t input_rank;
  int64_t input_dims[WEIR_OV_MAX_RANK];
};

struct weir_ov_request {
  weir_ov_model *model;
  void *request;
};

static pthread_mutex_t load_mutex = PTHREAD_MUTEX_INITIALIZER;
static char load_path[4096];
static int load_status = -1;
static char load_error[512];

static void say(char *error, size_t size, const char *format, ...) {
  if (error == NULL || size == 0) return;
  va_list args;
  va_start(args, format);
  vsnprintf(error, size, format, args);
  va_end(args);
}

/// OpenVINO's own words for a failed call: the last error message, else the status's name.
static void say_status(char *error, size_t size, const char *what, int status) {
  const char *detail = ov.get_last_err_msg ? ov.get_last_err_msg() : NULL;
  if (detail == NULL || detail[0] == 0) detail = ov.get_error_info ? ov.get_error_info(status) : "unknown error";
  say(error, size, "%s: %s", what, detail);
}

#define RESOLVE(field, symbol)                                                       \
  do {                                                                               \
    *(void **)(&ov.field) = dlsym(library, symbol);                                  \
    if (ov.field == NULL) {                                                          \
      snprintf(load_error, sizeof load_error, "%s has no '%s' (not OpenVINO's C library, or too old)", \
               load_path, symbol);                                                   \
      return;                                                                        \
    }                                                                                \
  } while (0)

static void load(void) {
  void *library = dlopen(load_path, RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) {
    const char *reason = dlerror();
    snprintf(load_error, sizeof load_error, "%s", reason ? reason : "dlopen failed");
    return;
  }
  RESOLVE(core_create, "ov_core_create");
  RESOLVE(core_free, "ov_core_free");
  RESOLVE(core_read_model, "ov_core_read_model");
  RESOLVE(core_compile_model, "ov_core_compile_model");
  RESOLVE(model_free, "ov_model_free");
  RESOLVE(model_inputs_size, "ov_model_inputs_size");
  RESOLVE(model_outputs_size, "ov_model_outputs_size");
  RESOLVE(model_const_input_by_index, "ov_model_const_input_by_index");
  RESOLVE(model_const_output_by_index, "ov_model_const_output_by_index");
  RESOLVE(model_reshape_single_input, "ov_model_reshape_single_input");
  RESOLVE(partial_shape_create_static, "ov_partial_shape_create_static");
  RESOLVE(partial_shape_free, "ov_partial_shape_free");
  RESOLVE(port_get_partial_shape, "ov_port_get_partial_shape");
  RESOLVE(port_get_any_name, "ov_port_get_any_name");
  RESOLVE(port_get_element_type, "ov_port_get_element_type");
  RESOLVE(output_const_port_free, "ov_output_const_port_free");
  RESOLVE(compiled_model_create_infer_request, "ov_compiled_model_create_infer_request");
  RESOLVE(compiled_model_free, "ov_compiled_model_free");
  RESOLVE(infer_request_set_input_tensor_by_index, "ov_infer_request_set_input_tensor_by_index");
  RESOLVE(infer_request_infer, "ov_infer_request_infer");
  RESOLVE(infer_request_get_output_tensor_by_index, "ov_infer_request_get_output_tensor_by_index");
  RESOLVE(infer_request_free, "ov_infer_request_free");
  RESOLVE(tensor_create_from_host_ptr, "ov_tensor_create_from_host_ptr");
  RESOLVE(tensor_get_shape, "ov_tensor_get_shape");
  RESOLVE(tensor_get_element_type, "ov_tensor_get_element_type");
  RESOLVE(tensor_data, "ov_tensor_data");
  RESOLVE(tensor_free, "ov_tensor_free");
  RESOLVE(shape_free, "ov_shape_free");
  RESOLVE(free, "ov_free");
  RESOLVE(get_error_info, "ov_get_error_info");
  RESOLVE(get_last_err_msg, "ov_get_last_err_msg");
  load_status = 0;
}

int weir_ov_load(const char *path, char *error, size_t error_size) {
  pthread_mutex_lock(&load_mutex);
  // Once loaded, the library stays (unloading OpenVINO is not safe); a failure may be retried.
  if (load_status != 0) {
    snprintf(load_path, sizeof load_path, "%s", path);
    load();
  }
  int status = load_status;
  if (status != 0) say(error, error_size, "%s", load_error);
  pthread_mutex_unlock(&load_mutex);
  return status;
}

weir_ov_model *weir_ov_read(const char *model_path, char *error, size_t error_size) {
  if (load_status != 0) {
    say(error, error_size, "OpenVINO is not loaded");
    return NULL;
  }
  weir_ov_model *model = calloc(1, sizeof *model);
  if (model == NULL) {
    say(error, error_size, "out of memory");
    return NULL;
  }
  int status = ov.core_create(&model->core);
  if (status != OV_OK) {
    say_status(error, error_size, "cannot start OpenVINO", status);
    free(model);
    return NULL;
  }
  status = ov.core_read_model(model->core, model_path, NULL, &model->model);
  if (status != OV_OK) {
    say_status(error, error_size, "cannot read the model", status);
    weir_ov_close(model);
    return NULL;
  }
  return model;
}

size_t weir_ov_input_count(const weir_ov_model *model) {
  size_t count = 0;
  return ov.model_inputs_size(model->model, &count) == OV_OK ? count : 0;
}

size_t weir_ov_output_count(const weir_ov_model *model) {
  size_t count = 0;
  return ov.model_outputs_size(model->model, &count) == OV_OK ? count : 0;
}

/// Fills `port` from an OpenVINO port handle.
static int describe(void *handle, weir_ov_port *port) {
  memset(port, 0, sizeof *port);
  ov_partial_shape shape;
  if (ov.port_get_partial_shape(handle, &shape) != OV_OK) return -1;
  if (shape.rank.min != shape.rank.max || shape.rank.min > WEIR_OV_MAX_RANK) {
    port->rank = -1;
  } else {
    port->rank = shape.rank.min;
    for (int64_t i = 0; i < port->rank; i++) {
      ov_dimension d = shape.dims[i];
      port->dims[i] = d.min == d.max ? d.min : -1;
    }
  }
  ov.partial_shape_free(&shape);
  unsigned type = 0;
  if (ov.port_get_element_type(handle, &type) == OV_OK) port->element_type = (int)type;
  char *name = NULL;
  if (ov.port_get_any_name(handle, &name) == OV_OK && name != NULL) {
    snprintf(port->name, sizeof port->name, "%s", name);
    ov.free(name);
  }
  return 0;
}

int weir_ov_input(const weir_ov_model *model, size_t index, weir_ov_port *port) {
  void *handle = NULL;
  if (ov.model_const_input_by_index(model->model, index, &handle) != OV_OK) return -1;
  int status = describe(handle, port);
  ov.output_const_port_free(handle);
  return status;
}

int weir_ov_output(const weir_ov_model *model, size_t index, weir_ov_port *port) {
  void *handle = NULL;
  if (ov.model_const_output_by_index(model->model, index, &handle) != OV_OK) return -1;
  int status = describe(handle, port);
  ov.output_const_port_free(handle);
  return status;
}

int weir_ov_compile(weir_ov_model *model, const int64_t *dims, int64_t rank, const char *device, int threads,
                    char *error, size_t error_size) {
  if (rank < 1 || rank > WEIR_OV_MAX_RANK) {
    say(error, error_size, "an input of rank %lld", (long long)rank);
    return -1;
  }
  ov_partial_shape shape;
  int status = ov.partial_shape_create_static(rank, dims, &shape);
  if (status == OV_OK) {
    status = ov.model_reshape_single_input(model->model, shape);
    ov.partial_shape_free(&shape);
  }
  if (status != OV_OK) {
    say_status(error, error_size, "cannot give the model's input this shape", status);
    return -1;
  }
  char count[32];
  snprintf(count, sizeof count, "%d", threads);
  status = threads > 0
             ? ov.core_compile_model(model->core, model->model, device, 2, &model->compiled,
                                     "INFERENCE_NUM_THREADS", count)
             : ov.core_compile_model(model->core, model->model, device, 0, &model->compiled);
  if (status != OV_OK) {
    say_status(error, error_size, "cannot compile the model", status);
    model->compiled = NULL;
    return -1;
  }
  model->input_rank = rank;
  memcpy(model->input_dims, dims, (size_t)rank * sizeof *dims);
  return 0;
}

weir_ov_request *weir_ov_request_create(weir_ov_model *model, char *error, size_t error_size) {
  if (model->compiled == NULL) {
    say(error, error_size, "the model is not compiled");
    return NULL;
  }
  weir_ov_request *request = calloc(1, sizeof *request);
  if (request == NULL) {
    say(error, error_size, "out of memory");
    return NULL;
  }
  request->model = model;
  int status = ov.compiled_model_create_infer_request(model->compiled, &request->request);
  if (status != OV_OK) {
    say_status(error, error_size, "cannot create an inference request", status);
    free(request);
    return NULL;
  }
  return request;
}

int weir_ov_infer(weir_ov_request *request, float *input, size_t count, char *error, size_t error_size) {
  weir_ov_model *model = request->model;
  size_t expected = 1;
  for (int64_t i = 0; i < model->input_rank; i++) expected *= (size_t)model->input_dims[i];
  if (count != expected) {
    say(error, error_size, "internal error: %zu input values for a tensor of %zu", count, expected);
    return -1;
  }
  ov_shape shape = {model->input_rank, model->input_dims};
  void *tensor = NULL;
  int status = ov.tensor_create_from_host_ptr(OV_F32, shape, input, &tensor);
  if (status != OV_OK) {
    say_status(error, error_size, "cannot wrap the input", status);
    return -1;
  }
  status = ov.infer_request_set_input_tensor_by_index(request->request, 0, tensor);
  if (status == OV_OK) status = ov.infer_request_infer(request->request);
  ov.tensor_free(tensor);
  if (status != OV_OK) {
    say_status(error, error_size, "inference failed", status);
    return -1;
  }
  return 0;
}

/// Converts `count` values of element type `type` at `data` to f32; -1 for a type weir does not read.
static int convert(const void *data, unsigned type, size_t count, float *out) {
  switch (type) {
  case OV_F32: memcpy(out, data, count * sizeof(float)); return 0;
  case OV_F64: for (size_t i = 0; i < count; i++) out[i] = (float)((const double *)data)[i]; return 0;
  case OV_I32: for (size_t i = 0; i < count; i++) out[i] = (float)((const int32_t *)data)[i]; return 0;
  case OV_I64: for (size_t i = 0; i < count; i++) out[i] = (float)((const int64_t *)data)[i]; return 0;
  case OV_U8: for (size_t i = 0; i < count; i++) out[i] = (float)((const uint8_t *)data)[i]; return 0;
  default: return -1;
  }
}

int weir_ov_result(weir_ov_request *request, size_t index, weir_ov_port *port, float *out, size_t capacity,
                   char *error, size_t error_size) {
  void *tensor = NULL;
  int status = ov.infer_request_get_output_tensor_by_index(request->request, index, &tensor);
  if (status != OV_OK) {
    say_status(error, error_size, "cannot read an output", status);
    return -1;
  }
  memset(port, 0, sizeof *port);
  ov_shape shape = {0, NULL};
  unsigned type = 0;
  void *data = NULL;
  int result = -1;
  if (ov.tensor_get_shape(tensor, &shape) != OV_OK || ov.tensor_get_element_type(tensor, &type) != OV_OK ||
      ov.tensor_data(tensor, &data) != OV_OK || shape.rank > WEIR_OV_MAX_RANK) {
    say(error, error_size, "cannot read output %zu's shape", index);
  } else {
    port->rank = shape.rank;
    port->element_type = (int)type;
    size_t count = 1;
    for (int64_t i = 0; i < shape.rank; i++) {
      port->dims[i] = shape.dims[i];
      count *= (size_t)shape.dims[i];
    }
    if (out == NULL || count == 0) {
      result = 0;
    } else if (count > capacity) {
      say(error, error_size, "internal error: output %zu has %zu values, room for %zu", index, count, capacity);
    } else if (convert(data, type, count, out) != 0) {
      say(error, error_size, "output %zu has element type %u, which weir does not read", index, type);
    } else {
      result = 0;
    }
  }
  if (shape.dims != NULL) ov.shape_free(&shape);
  ov.tensor_free(tensor);
  return result;
}

void weir_ov_request_free(weir_ov_request *request) {
  if (request == NULL) return;
  if (request->request != NULL) ov.infer_request_free(request->request);
  free(request);
}

void weir_ov_close(weir_ov_model *model) {
  if (model == NULL) return;
  if (model->compiled != NULL) ov.compiled_model_free(model->compiled);
  if (model->model != NULL) ov.model_free(model->model);
  if (model->core != NULL) ov.core_free(model->core);
  free(model);
}
