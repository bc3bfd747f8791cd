package app

import (
	"slices"

	"github.com/redshiftmate/rsmate/backend/access"
	"github.com/redshiftmate/rsmate/backend/catalog"
	"github.com/redshiftmate/rsmate/backend/model"
	"github.com/redshiftmate/rsmate/backend/vocab"
)

// Redshift's grant surface beyond objects, as the UI shows it: the IAM roles
// a principal may assume, and the cluster's datashares and ML models with
// who holds what on them. Each call answers from the loaded snapshot.

// AssumeRoleView is what the principal page's IAM roles tab shows.
type AssumeRoleView struct {
	// Rows are the ASSUMEROLE grants that apply, direct ones first.
	Rows []access.AssumeRoleAccess `json:"rows"`
	// Superuser: a superuser always holds ASSUMEROLE, whatever is granted.
	Superuser bool `json:"superuser"`
	// Vocabulary is the FOR commands and the chain limit (nil on engines without ASSUMEROLE).
	Vocabulary *vocab.AssumeRole `json:"vocabulary,omitempty"`
}

// AssumeRoles returns the IAM roles ref may assume, and through whom.
func (s *CatalogService) AssumeRoles(sessionID string, ref model.PrincipalRef) (v AssumeRoleView, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return v, err
	}
	snap := x.Snapshot()
	v.Rows, v.Superuser = access.AssumeRoles(snap, ref)
	v.Vocabulary = vocab.For(snap.Engine).AssumeRole
	return v, nil
}

// DatashareView is one datashare with its ALTER and SHARE holders.
type DatashareView struct {
	Share  model.Datashare `json:"share"`
	Grants []model.Grant   `json:"grants"`
}

// ModelView is one ML model with its EXECUTE holders.
type ModelView struct {
	Model  model.Model   `json:"model"`
	Grants []model.Grant `json:"grants"`
}

// SurfaceOverview is the cluster overview's Redshift section.
type SurfaceOverview struct {
	// Supported is false on engines without ASSUMEROLE, datashares and models.
	Supported bool `json:"supported"`
	// PublicAssumesAll: PUBLIC may still assume every IAM role for every
	// command (AWS asks every cluster to revoke it once).
	PublicAssumesAll bool `json:"publicAssumesAll"`
	// PublicAssumeRoles are every ASSUMEROLE grant to PUBLIC.
	PublicAssumeRoles []model.AssumeRoleGrant `json:"publicAssumeRoles"`
	Datashares        []DatashareView         `json:"datashares"`
	Models            []ModelView             `json:"models"`
	// AssumeRole and CreateModel describe the grants (commands, chain limit) for the editors.
	AssumeRole  *vocab.AssumeRole `json:"assumeRole,omitempty"`
	CreateModel *vocab.Privilege  `json:"createModel,omitempty"`
}

// Surface returns the cluster's ASSUMEROLE lock-down state, datashares and models.
func (s *CatalogService) Surface(sessionID string) (o SurfaceOverview, err error) {
	defer guard(&err)
	x, err := s.index(sessionID)
	if err != nil {
		return o, err
	}
	snap := x.Snapshot()
	v := vocab.For(snap.Engine)
	o = SurfaceOverview{Supported: v.AssumeRole != nil, PublicAssumeRoles: []model.AssumeRoleGrant{},
		Datashares: []DatashareView{}, Models: []ModelView{}, AssumeRole: v.AssumeRole, CreateModel: v.CreateModel}
	if !o.Supported {
		return o, nil
	}
	o.PublicAssumesAll = access.PublicAssumesAll(snap)
	for _, g := range snap.AssumeRoles {
		if g.Grantee.Kind == model.KindPublic {
			o.PublicAssumeRoles = append(o.PublicAssumeRoles, g)
		}
	}
	byObject := map[model.ObjectRef][]model.Grant{}
	for _, g := range snap.Grants.All() {
		if g.Object.Kind == model.ObjDatashare || g.Object.Kind == model.ObjModel {
			byObject[g.Object] = append(byObject[g.Object], g)
		}
	}
	for _, d := range snap.Datashares {
		d.Consumers = nonNil(slices.Clone(d.Consumers))
		o.Datashares = append(o.Datashares, DatashareView{Share: d,
			Grants: nonNil(byObject[model.ObjectRef{Kind: model.ObjDatashare, Name: d.Name}])})
	}
	for _, m := range snap.Models {
		o.Models = append(o.Models, ModelView{Model: m,
			Grants: nonNil(byObject[model.ObjectRef{Kind: model.ObjModel, Schema: m.Schema, Name: m.Name}])})
	}
	return o, nil
}

// schemaModels are a schema's ML models as object-browser rows (Redshift).
func schemaModels(x *catalog.Index, schema string) []ObjectRow {
	var rows []ObjectRow
	for _, m := range x.Snapshot().Models {
		if m.Schema == schema {
			ref := model.ObjectRef{Kind: model.ObjModel, Schema: schema, Name: m.Name}
			rows = append(rows, ObjectRow{Ref: ref, Kind: string(model.ObjModel), Owner: m.Owner, Grantees: catalog.Grantees(x.GrantsOn(ref))})
		}
	}
	return rows
}
