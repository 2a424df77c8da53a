// @ts-nocheck
/* eslint-disable */
// Generated from DocumentSchema (src/core/model.ts) by ajv standalone code. Do not edit:
// after changing the schema, run `npx vitest run -u tests/store/document-validator.test.ts`.
"use strict";
const schema11 = {"type":"object","properties":{"schemaVersion":{"type":"number","const":1},"contacts":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string","minLength":1},"name":{"type":"string","minLength":1,"maxLength":200},"org":{"type":"string","maxLength":200},"kind":{"type":"string","enum":["lead","customer","vendor","partner","colleague","other"]},"email":{"type":"string","maxLength":320},"phone":{"type":"string","maxLength":80},"tags":{"type":"array","items":{"type":"string","minLength":1,"maxLength":60}},"notes":{"type":"string","maxLength":20000},"subject":{"type":"string","maxLength":500},"cadence":{"type":"string","minLength":1},"status":{"type":"string","enum":["active","waiting","won","not-now","dropped"]},"waitingUntil":{"type":"string","format":"date-time","pattern":"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},"reentryAt":{"type":"string","format":"date-time","pattern":"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},"snoozedUntil":{"type":"string","format":"date-time","pattern":"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},"closedAt":{"type":"string","format":"date-time","pattern":"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},"createdAt":{"type":"string","format":"date-time","pattern":"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},"updatedAt":{"type":"string","format":"date-time","pattern":"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},"touches":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string","minLength":1},"at":{"type":"string","format":"date-time","pattern":"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},"channel":{"type":"string","enum":["call","email","message","meeting","social","other"]},"note":{"type":"string","maxLength":10000},"outcome":{"type":"string","enum":["no-reply","replied","positive","negative"]}},"required":["id","at","channel"],"additionalProperties":{}}}},"required":["id","name","kind","tags","status","createdAt","updatedAt","touches"],"additionalProperties":{}}},"settings":{"type":"object","properties":{"reminderRule":{"type":"string","minLength":1},"escalationDays":{"minItems":6,"maxItems":6,"type":"array","items":{"type":"integer","minimum":1,"maximum":365}},"language":{"type":"string","enum":["system","en","zh-CN"]},"theme":{"type":"string","enum":["system","light","dark"]},"startAtLogin":{"type":"boolean"}},"required":["reminderRule","escalationDays","language","theme","startAtLogin"],"additionalProperties":{}},"reminder":{"type":"object","properties":{"lastFiredOccurrence":{"type":"string","format":"date-time","pattern":"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},"snoozedUntil":{"type":"string","format":"date-time","pattern":"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"}},"additionalProperties":{}}},"required":["schemaVersion","contacts","settings","reminder"],"additionalProperties":{}};
const pattern0 = new RegExp("^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.schemaVersion === undefined) && (missing0 = "schemaVersion")) || ((data.contacts === undefined) && (missing0 = "contacts"))) || ((data.settings === undefined) && (missing0 = "settings"))) || ((data.reminder === undefined) && (missing0 = "reminder"))){
validate10.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.schemaVersion !== undefined){
let data0 = data.schemaVersion;
const _errs2 = errors;
if(!((typeof data0 == "number") && (isFinite(data0)))){
validate10.errors = [{instancePath:instancePath+"/schemaVersion",schemaPath:"#/properties/schemaVersion/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
if(1 !== data0){
validate10.errors = [{instancePath:instancePath+"/schemaVersion",schemaPath:"#/properties/schemaVersion/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.contacts !== undefined){
let data1 = data.contacts;
const _errs4 = errors;
if(errors === _errs4){
if(Array.isArray(data1)){
var valid1 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
const _errs6 = errors;
if(errors === _errs6){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing1;
if(((((((((data2.id === undefined) && (missing1 = "id")) || ((data2.name === undefined) && (missing1 = "name"))) || ((data2.kind === undefined) && (missing1 = "kind"))) || ((data2.tags === undefined) && (missing1 = "tags"))) || ((data2.status === undefined) && (missing1 = "status"))) || ((data2.createdAt === undefined) && (missing1 = "createdAt"))) || ((data2.updatedAt === undefined) && (missing1 = "updatedAt"))) || ((data2.touches === undefined) && (missing1 = "touches"))){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0,schemaPath:"#/properties/contacts/items/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
if(data2.id !== undefined){
let data3 = data2.id;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data3 === "string"){
if(data3.length < 1){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/id",schemaPath:"#/properties/contacts/items/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/id",schemaPath:"#/properties/contacts/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs9 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.name !== undefined){
let data4 = data2.name;
const _errs11 = errors;
if(errors === _errs11){
if(typeof data4 === "string"){
if(data4.length > 200){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/name",schemaPath:"#/properties/contacts/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"}];
return false;
}
else {
if(data4.length < 1){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/name",schemaPath:"#/properties/contacts/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/name",schemaPath:"#/properties/contacts/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs11 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.org !== undefined){
let data5 = data2.org;
const _errs13 = errors;
if(errors === _errs13){
if(typeof data5 === "string"){
if(data5.length > 200){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/org",schemaPath:"#/properties/contacts/items/properties/org/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/org",schemaPath:"#/properties/contacts/items/properties/org/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs13 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.kind !== undefined){
let data6 = data2.kind;
const _errs15 = errors;
if(typeof data6 !== "string"){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/kind",schemaPath:"#/properties/contacts/items/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((((data6 === "lead") || (data6 === "customer")) || (data6 === "vendor")) || (data6 === "partner")) || (data6 === "colleague")) || (data6 === "other"))){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/kind",schemaPath:"#/properties/contacts/items/properties/kind/enum",keyword:"enum",params:{allowedValues: schema11.properties.contacts.items.properties.kind.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid2 = _errs15 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.email !== undefined){
let data7 = data2.email;
const _errs17 = errors;
if(errors === _errs17){
if(typeof data7 === "string"){
if(data7.length > 320){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/email",schemaPath:"#/properties/contacts/items/properties/email/maxLength",keyword:"maxLength",params:{limit: 320},message:"must NOT have more than 320 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/email",schemaPath:"#/properties/contacts/items/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs17 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.phone !== undefined){
let data8 = data2.phone;
const _errs19 = errors;
if(errors === _errs19){
if(typeof data8 === "string"){
if(data8.length > 80){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/phone",schemaPath:"#/properties/contacts/items/properties/phone/maxLength",keyword:"maxLength",params:{limit: 80},message:"must NOT have more than 80 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/phone",schemaPath:"#/properties/contacts/items/properties/phone/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs19 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.tags !== undefined){
let data9 = data2.tags;
const _errs21 = errors;
if(errors === _errs21){
if(Array.isArray(data9)){
var valid3 = true;
const len1 = data9.length;
for(let i1=0; i1<len1; i1++){
let data10 = data9[i1];
const _errs23 = errors;
if(errors === _errs23){
if(typeof data10 === "string"){
if(data10.length > 60){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/tags/" + i1,schemaPath:"#/properties/contacts/items/properties/tags/items/maxLength",keyword:"maxLength",params:{limit: 60},message:"must NOT have more than 60 characters"}];
return false;
}
else {
if(data10.length < 1){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/tags/" + i1,schemaPath:"#/properties/contacts/items/properties/tags/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/tags/" + i1,schemaPath:"#/properties/contacts/items/properties/tags/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs23 === errors;
if(!valid3){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/tags",schemaPath:"#/properties/contacts/items/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs21 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.notes !== undefined){
let data11 = data2.notes;
const _errs25 = errors;
if(errors === _errs25){
if(typeof data11 === "string"){
if(data11.length > 20000){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/notes",schemaPath:"#/properties/contacts/items/properties/notes/maxLength",keyword:"maxLength",params:{limit: 20000},message:"must NOT have more than 20000 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/notes",schemaPath:"#/properties/contacts/items/properties/notes/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs25 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.subject !== undefined){
let data12 = data2.subject;
const _errs27 = errors;
if(errors === _errs27){
if(typeof data12 === "string"){
if(data12.length > 500){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/subject",schemaPath:"#/properties/contacts/items/properties/subject/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/subject",schemaPath:"#/properties/contacts/items/properties/subject/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs27 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.cadence !== undefined){
let data13 = data2.cadence;
const _errs29 = errors;
if(errors === _errs29){
if(typeof data13 === "string"){
if(data13.length < 1){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/cadence",schemaPath:"#/properties/contacts/items/properties/cadence/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/cadence",schemaPath:"#/properties/contacts/items/properties/cadence/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs29 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.status !== undefined){
let data14 = data2.status;
const _errs31 = errors;
if(typeof data14 !== "string"){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/status",schemaPath:"#/properties/contacts/items/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data14 === "active") || (data14 === "waiting")) || (data14 === "won")) || (data14 === "not-now")) || (data14 === "dropped"))){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/status",schemaPath:"#/properties/contacts/items/properties/status/enum",keyword:"enum",params:{allowedValues: schema11.properties.contacts.items.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid2 = _errs31 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.waitingUntil !== undefined){
let data15 = data2.waitingUntil;
const _errs33 = errors;
if(errors === _errs33){
if(errors === _errs33){
if(typeof data15 === "string"){
if(!pattern0.test(data15)){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/waitingUntil",schemaPath:"#/properties/contacts/items/properties/waitingUntil/pattern",keyword:"pattern",params:{pattern: "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},message:"must match pattern \""+"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/waitingUntil",schemaPath:"#/properties/contacts/items/properties/waitingUntil/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid2 = _errs33 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.reentryAt !== undefined){
let data16 = data2.reentryAt;
const _errs35 = errors;
if(errors === _errs35){
if(errors === _errs35){
if(typeof data16 === "string"){
if(!pattern0.test(data16)){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/reentryAt",schemaPath:"#/properties/contacts/items/properties/reentryAt/pattern",keyword:"pattern",params:{pattern: "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},message:"must match pattern \""+"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/reentryAt",schemaPath:"#/properties/contacts/items/properties/reentryAt/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid2 = _errs35 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.snoozedUntil !== undefined){
let data17 = data2.snoozedUntil;
const _errs37 = errors;
if(errors === _errs37){
if(errors === _errs37){
if(typeof data17 === "string"){
if(!pattern0.test(data17)){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/snoozedUntil",schemaPath:"#/properties/contacts/items/properties/snoozedUntil/pattern",keyword:"pattern",params:{pattern: "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},message:"must match pattern \""+"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/snoozedUntil",schemaPath:"#/properties/contacts/items/properties/snoozedUntil/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid2 = _errs37 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.closedAt !== undefined){
let data18 = data2.closedAt;
const _errs39 = errors;
if(errors === _errs39){
if(errors === _errs39){
if(typeof data18 === "string"){
if(!pattern0.test(data18)){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/closedAt",schemaPath:"#/properties/contacts/items/properties/closedAt/pattern",keyword:"pattern",params:{pattern: "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},message:"must match pattern \""+"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/closedAt",schemaPath:"#/properties/contacts/items/properties/closedAt/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid2 = _errs39 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.createdAt !== undefined){
let data19 = data2.createdAt;
const _errs41 = errors;
if(errors === _errs41){
if(errors === _errs41){
if(typeof data19 === "string"){
if(!pattern0.test(data19)){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/createdAt",schemaPath:"#/properties/contacts/items/properties/createdAt/pattern",keyword:"pattern",params:{pattern: "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},message:"must match pattern \""+"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/createdAt",schemaPath:"#/properties/contacts/items/properties/createdAt/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid2 = _errs41 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.updatedAt !== undefined){
let data20 = data2.updatedAt;
const _errs43 = errors;
if(errors === _errs43){
if(errors === _errs43){
if(typeof data20 === "string"){
if(!pattern0.test(data20)){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/updatedAt",schemaPath:"#/properties/contacts/items/properties/updatedAt/pattern",keyword:"pattern",params:{pattern: "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},message:"must match pattern \""+"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/updatedAt",schemaPath:"#/properties/contacts/items/properties/updatedAt/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid2 = _errs43 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.touches !== undefined){
let data21 = data2.touches;
const _errs45 = errors;
if(errors === _errs45){
if(Array.isArray(data21)){
var valid4 = true;
const len2 = data21.length;
for(let i2=0; i2<len2; i2++){
let data22 = data21[i2];
const _errs47 = errors;
if(errors === _errs47){
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
let missing2;
if((((data22.id === undefined) && (missing2 = "id")) || ((data22.at === undefined) && (missing2 = "at"))) || ((data22.channel === undefined) && (missing2 = "channel"))){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/touches/" + i2,schemaPath:"#/properties/contacts/items/properties/touches/items/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
if(data22.id !== undefined){
let data23 = data22.id;
const _errs50 = errors;
if(errors === _errs50){
if(typeof data23 === "string"){
if(data23.length < 1){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/touches/" + i2+"/id",schemaPath:"#/properties/contacts/items/properties/touches/items/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/touches/" + i2+"/id",schemaPath:"#/properties/contacts/items/properties/touches/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid5 = _errs50 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data22.at !== undefined){
let data24 = data22.at;
const _errs52 = errors;
if(errors === _errs52){
if(errors === _errs52){
if(typeof data24 === "string"){
if(!pattern0.test(data24)){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/touches/" + i2+"/at",schemaPath:"#/properties/contacts/items/properties/touches/items/properties/at/pattern",keyword:"pattern",params:{pattern: "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},message:"must match pattern \""+"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/touches/" + i2+"/at",schemaPath:"#/properties/contacts/items/properties/touches/items/properties/at/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid5 = _errs52 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data22.channel !== undefined){
let data25 = data22.channel;
const _errs54 = errors;
if(typeof data25 !== "string"){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/touches/" + i2+"/channel",schemaPath:"#/properties/contacts/items/properties/touches/items/properties/channel/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((((data25 === "call") || (data25 === "email")) || (data25 === "message")) || (data25 === "meeting")) || (data25 === "social")) || (data25 === "other"))){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/touches/" + i2+"/channel",schemaPath:"#/properties/contacts/items/properties/touches/items/properties/channel/enum",keyword:"enum",params:{allowedValues: schema11.properties.contacts.items.properties.touches.items.properties.channel.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid5 = _errs54 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data22.note !== undefined){
let data26 = data22.note;
const _errs56 = errors;
if(errors === _errs56){
if(typeof data26 === "string"){
if(data26.length > 10000){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/touches/" + i2+"/note",schemaPath:"#/properties/contacts/items/properties/touches/items/properties/note/maxLength",keyword:"maxLength",params:{limit: 10000},message:"must NOT have more than 10000 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/touches/" + i2+"/note",schemaPath:"#/properties/contacts/items/properties/touches/items/properties/note/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid5 = _errs56 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data22.outcome !== undefined){
let data27 = data22.outcome;
const _errs58 = errors;
if(typeof data27 !== "string"){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/touches/" + i2+"/outcome",schemaPath:"#/properties/contacts/items/properties/touches/items/properties/outcome/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data27 === "no-reply") || (data27 === "replied")) || (data27 === "positive")) || (data27 === "negative"))){
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/touches/" + i2+"/outcome",schemaPath:"#/properties/contacts/items/properties/touches/items/properties/outcome/enum",keyword:"enum",params:{allowedValues: schema11.properties.contacts.items.properties.touches.items.properties.outcome.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid5 = _errs58 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/touches/" + i2,schemaPath:"#/properties/contacts/items/properties/touches/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid4 = _errs47 === errors;
if(!valid4){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0+"/touches",schemaPath:"#/properties/contacts/items/properties/touches/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs45 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts/" + i0,schemaPath:"#/properties/contacts/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs6 === errors;
if(!valid1){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/contacts",schemaPath:"#/properties/contacts/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.settings !== undefined){
let data28 = data.settings;
const _errs60 = errors;
if(errors === _errs60){
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
let missing3;
if((((((data28.reminderRule === undefined) && (missing3 = "reminderRule")) || ((data28.escalationDays === undefined) && (missing3 = "escalationDays"))) || ((data28.language === undefined) && (missing3 = "language"))) || ((data28.theme === undefined) && (missing3 = "theme"))) || ((data28.startAtLogin === undefined) && (missing3 = "startAtLogin"))){
validate10.errors = [{instancePath:instancePath+"/settings",schemaPath:"#/properties/settings/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
if(data28.reminderRule !== undefined){
let data29 = data28.reminderRule;
const _errs63 = errors;
if(errors === _errs63){
if(typeof data29 === "string"){
if(data29.length < 1){
validate10.errors = [{instancePath:instancePath+"/settings/reminderRule",schemaPath:"#/properties/settings/properties/reminderRule/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/settings/reminderRule",schemaPath:"#/properties/settings/properties/reminderRule/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid6 = _errs63 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data28.escalationDays !== undefined){
let data30 = data28.escalationDays;
const _errs65 = errors;
if(errors === _errs65){
if(Array.isArray(data30)){
if(data30.length > 6){
validate10.errors = [{instancePath:instancePath+"/settings/escalationDays",schemaPath:"#/properties/settings/properties/escalationDays/maxItems",keyword:"maxItems",params:{limit: 6},message:"must NOT have more than 6 items"}];
return false;
}
else {
if(data30.length < 6){
validate10.errors = [{instancePath:instancePath+"/settings/escalationDays",schemaPath:"#/properties/settings/properties/escalationDays/minItems",keyword:"minItems",params:{limit: 6},message:"must NOT have fewer than 6 items"}];
return false;
}
else {
var valid7 = true;
const len3 = data30.length;
for(let i3=0; i3<len3; i3++){
let data31 = data30[i3];
const _errs67 = errors;
if(!(((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31))) && (isFinite(data31)))){
validate10.errors = [{instancePath:instancePath+"/settings/escalationDays/" + i3,schemaPath:"#/properties/settings/properties/escalationDays/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs67){
if((typeof data31 == "number") && (isFinite(data31))){
if(data31 > 365 || isNaN(data31)){
validate10.errors = [{instancePath:instancePath+"/settings/escalationDays/" + i3,schemaPath:"#/properties/settings/properties/escalationDays/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 365},message:"must be <= 365"}];
return false;
}
else {
if(data31 < 1 || isNaN(data31)){
validate10.errors = [{instancePath:instancePath+"/settings/escalationDays/" + i3,schemaPath:"#/properties/settings/properties/escalationDays/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid7 = _errs67 === errors;
if(!valid7){
break;
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/settings/escalationDays",schemaPath:"#/properties/settings/properties/escalationDays/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid6 = _errs65 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data28.language !== undefined){
let data32 = data28.language;
const _errs69 = errors;
if(typeof data32 !== "string"){
validate10.errors = [{instancePath:instancePath+"/settings/language",schemaPath:"#/properties/settings/properties/language/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data32 === "system") || (data32 === "en")) || (data32 === "zh-CN"))){
validate10.errors = [{instancePath:instancePath+"/settings/language",schemaPath:"#/properties/settings/properties/language/enum",keyword:"enum",params:{allowedValues: schema11.properties.settings.properties.language.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid6 = _errs69 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data28.theme !== undefined){
let data33 = data28.theme;
const _errs71 = errors;
if(typeof data33 !== "string"){
validate10.errors = [{instancePath:instancePath+"/settings/theme",schemaPath:"#/properties/settings/properties/theme/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data33 === "system") || (data33 === "light")) || (data33 === "dark"))){
validate10.errors = [{instancePath:instancePath+"/settings/theme",schemaPath:"#/properties/settings/properties/theme/enum",keyword:"enum",params:{allowedValues: schema11.properties.settings.properties.theme.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid6 = _errs71 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data28.startAtLogin !== undefined){
const _errs73 = errors;
if(typeof data28.startAtLogin !== "boolean"){
validate10.errors = [{instancePath:instancePath+"/settings/startAtLogin",schemaPath:"#/properties/settings/properties/startAtLogin/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid6 = _errs73 === errors;
}
else {
var valid6 = true;
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/settings",schemaPath:"#/properties/settings/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs60 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reminder !== undefined){
let data35 = data.reminder;
const _errs75 = errors;
if(errors === _errs75){
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
if(data35.lastFiredOccurrence !== undefined){
let data36 = data35.lastFiredOccurrence;
const _errs78 = errors;
if(errors === _errs78){
if(errors === _errs78){
if(typeof data36 === "string"){
if(!pattern0.test(data36)){
validate10.errors = [{instancePath:instancePath+"/reminder/lastFiredOccurrence",schemaPath:"#/properties/reminder/properties/lastFiredOccurrence/pattern",keyword:"pattern",params:{pattern: "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},message:"must match pattern \""+"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/reminder/lastFiredOccurrence",schemaPath:"#/properties/reminder/properties/lastFiredOccurrence/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid8 = _errs78 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data35.snoozedUntil !== undefined){
let data37 = data35.snoozedUntil;
const _errs80 = errors;
if(errors === _errs80){
if(errors === _errs80){
if(typeof data37 === "string"){
if(!pattern0.test(data37)){
validate10.errors = [{instancePath:instancePath+"/reminder/snoozedUntil",schemaPath:"#/properties/reminder/properties/snoozedUntil/pattern",keyword:"pattern",params:{pattern: "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"},message:"must match pattern \""+"^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/reminder/snoozedUntil",schemaPath:"#/properties/reminder/properties/snoozedUntil/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid8 = _errs80 === errors;
}
else {
var valid8 = true;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/reminder",schemaPath:"#/properties/reminder/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs75 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate10.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate10.errors = vErrors;
return errors === 0;
}

export const validateStoredDocument: (data: unknown) => boolean = validate10
