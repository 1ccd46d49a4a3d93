// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Sessions over Envelope: client and relay state machines, their transport seam and drivers.
export * from "./client-session.js";
export * from "./close-codes.js";
export * from "./connect-client-session.js";
export { createCustomerViewFold, customerOrderTotal, foldCustomerView } from "./customer-view.js";
export type { CreateCustomerViewFoldParameters, CustomerOrder, CustomerOrderLine, CustomerView, CustomerViewEvent, CustomerViewFold, RefusedViewEvent } from "./customer-view.js";
export * from "./event-filter.js";
export * from "./relay-backend.js";
export * from "./relay-session.js";
export * from "./tick-scheduler.js";
export * from "./timings.js";
export * from "./transport.js";
export type { FetchFunction, UploadedBlob } from "./post-blob.js";
